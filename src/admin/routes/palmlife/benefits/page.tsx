import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import { Badge, Container, createDataTableColumnHelper, DataTable, Heading, Select, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { describeValue, describeWeekdays, describeWindow, FUNDERS, periodLabel } from "../../../lib/benefit-program-form"
import { type BenefitProgram, describeError, useBenefitPrograms, useCustomerGroups } from "../../../lib/rights-api"
import { CreateBenefitModal } from "./components/create-benefit-modal"
import { PointsRulesSection } from "./components/points-rules-section"
import { ProgramActions } from "./components/program-row-actions"
import { ProgramStatusBadge, useProgramLabels } from "./components/program-labels"

const column = createDataTableColumnHelper<BenefitProgram>()
const ALL = "all"

const BenefitsPage = () => {
  const navigate = useNavigate()
  const { data, isLoading, isError, error } = useBenefitPrograms()
  const groups = useCustomerGroups()
  const [group, setGroup] = useState(ALL)
  const programs = useMemo(() => (data?.benefit_programs ?? []).filter((p) => group === ALL || p.customer_group_id === group), [data, group])
  const labels = useProgramLabels(data?.benefit_programs ?? [])

  const columns = [
    column.accessor("name", {
      header: "Program 權益",
      cell: ({ row }) => (
        <div className="flex max-w-[260px] flex-col py-1">
          <span className="text-ui-fg-base truncate" title={row.original.name}>
            {row.original.name}
          </span>
          <span className="text-ui-fg-muted txt-compact-xsmall truncate">{labels.scope(row.original)}</span>
        </div>
      ),
    }),
    column.accessor("customer_group_id", {
      header: "Group 會員等級",
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color="purple">
          {labels.group(getValue())}
        </Badge>
      ),
    }),
    column.accessor("kind", { header: "Benefit 優惠", cell: ({ row }) => <span className="whitespace-nowrap">{describeValue(row.original)}</span> }),
    column.accessor("quota", {
      header: "Quota 次數",
      cell: ({ row }) => (
        <div className="flex flex-col py-1">
          <span className="whitespace-nowrap">
            {row.original.quota} / {periodLabel(row.original.quota_period)}
          </span>
          <span className="text-ui-fg-muted txt-compact-xsmall whitespace-nowrap">{describeWeekdays(row.original.weekdays)}</span>
        </div>
      ),
    }),
    column.accessor("funder", { header: "Funder 出資", cell: ({ getValue }) => FUNDERS.find((f) => f.value === getValue())?.label ?? getValue() }),
    column.accessor("starts_at", { header: "Dates 日期", cell: ({ row }) => <span className="whitespace-nowrap">{describeWindow(row.original)}</span> }),
    column.accessor("status", { header: "Status 狀態", cell: ({ row }) => <ProgramStatusBadge program={row.original} /> }),
    column.accessor("total_uses", { header: "Uses 已用", cell: ({ getValue }) => getValue() ?? 0 }),
    column.display({ id: "actions", cell: ({ row }) => <ProgramActions program={row.original} /> }),
  ]

  const table = useDataTable({
    columns,
    data: programs,
    getRowId: (p) => p.id,
    rowCount: programs.length,
    isLoading,
    onRowClick: (_, row) => navigate(`/palmlife/benefits/${row.id}`),
  })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
            <div>
              <Heading>Benefit programs 會員權益</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                What each card tier gets at checkout, how often, and who pays for it.
              </Text>
            </div>
            <div className="flex items-center gap-x-2">
              <Select size="small" value={group} onValueChange={setGroup}>
                <Select.Trigger aria-label="Filter by group" className="min-w-[160px]">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ALL}>All groups 全部</Select.Item>
                  {(groups.data?.customer_groups ?? []).map((g) => (
                    <Select.Item key={g.id} value={g.id}>
                      {g.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              <CreateBenefitModal />
            </div>
          </DataTable.Toolbar>
          {isError ? (
            <Text className="text-ui-fg-error px-6 py-4">Could not load benefit programs: {describeError(error)}</Text>
          ) : (
            <DataTable.Table
              emptyState={{
                empty: { heading: "No benefit programs yet", description: "Create one to give a card tier a price or discount at checkout." },
              }}
            />
          )}
        </DataTable>
      </Container>
      <PointsRulesSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Benefits 權益",
  icon: Gift,
})

export const handle = {
  breadcrumb: () => "Benefits 權益",
}

export default BenefitsPage
