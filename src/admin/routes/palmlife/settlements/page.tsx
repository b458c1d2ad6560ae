import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Cash } from "@medusajs/icons"
import { Button, Container, Heading, Input, Select, Table, Text, toast, Tooltip } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { downloadAdminFile } from "../../../lib/admin-download"
import { isBusinessDay } from "../../../lib/business-day"
import { useMerchants } from "../../../lib/merchants-api"
import { describeError } from "../../../lib/rights-api"
import { formatYuan } from "../../../lib/settlement-money"
import { type SettlementStatus, useSettlements } from "../../../lib/settlements-api"
import { RunSettlementDrawer } from "./components/run-settlement-drawer"
import { SETTLEMENT_STATUSES, SettlementStatusBadge } from "./components/settlement-status"
import { SpanCell } from "./components/span-cell"

const PAGE_SIZE = 20
const ALL = "all"

const AMOUNT_COLUMNS = [
  { key: "gross_amount", label: "Gross 應結" },
  { key: "commission_amount", label: "Commission 佣金" },
  { key: "merchant_funded_amount", label: "Merchant-funded 商戶優惠" },
  { key: "net_amount", label: "Net 淨額" },
] as const

const SettlementsPage = () => {
  const navigate = useNavigate()
  // filters live in the URL, so the detail page's back link returns to the same view
  const [params, setParams] = useSearchParams()
  const day = params.get("business_date") ?? ""
  const status = (params.get("status") ?? "") as SettlementStatus | ""
  const merchant = params.get("merchant_id") ?? ""
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0)
  const setFilter = (name: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      if (value) next.set(name, value)
      else next.delete(name)
      if (name !== "page") next.delete("page")
      return next
    })

  const filters = useMemo(
    () => ({
      ...(isBusinessDay(day) ? { business_date: day } : {}),
      ...(status ? { status } : {}),
      ...(merchant ? { merchant_id: merchant } : {}),
      limit: PAGE_SIZE,
      offset: page * PAGE_SIZE,
    }),
    [day, status, merchant, page]
  )
  const { data, isLoading, isError, error } = useSettlements(filters)
  const merchants = useMerchants({ limit: 200, offset: 0 })
  const [downloading, setDownloading] = useState(false)
  const settlements = data?.settlements ?? []
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  const downloadPayoutFile = async () => {
    setDownloading(true)
    try {
      const name = await downloadAdminFile(`/admin/settlements/payout-file?business_date=${encodeURIComponent(day)}`, `payout-${day}.csv`)
      toast.success(`Downloaded ${name}`)
    } catch (e) {
      toast.error(describeError(e))
    } finally {
      setDownloading(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="settlements-page">
        <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div>
            <Heading>Settlements 結算</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              One batch per merchant per business day (Asia/Shanghai): calculated → approved → paid. Amounts in yuan.
            </Text>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Link to="/palmlife/settlements/reconciliation" className="text-ui-fg-interactive txt-compact-small-plus hover:underline">
              Reconciliation 對賬
            </Link>
            <Link to="/palmlife/ledger" className="text-ui-fg-interactive txt-compact-small-plus hover:underline">
              Trial balance 試算表
            </Link>
            <RunSettlementDrawer onDone={(d) => setFilter("business_date", d)} />
          </div>
        </div>

        <div className="flex flex-wrap items-end gap-3 px-6 py-4">
          <label className="flex flex-col gap-y-1">
            <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
              Business day 營業日
            </Text>
            <Input
              type="date"
              size="small"
              value={day}
              onChange={(e) => setFilter("business_date", e.target.value)}
              data-testid="settlements-filter-date"
            />
          </label>
          <label className="flex flex-col gap-y-1">
            <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
              Status 狀態
            </Text>
            <Select size="small" value={status || ALL} onValueChange={(v) => setFilter("status", v === ALL ? "" : v)}>
              <Select.Trigger aria-label="Filter by status" className="min-w-[170px]" data-testid="settlements-filter-status">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All statuses 全部</Select.Item>
                {SETTLEMENT_STATUSES.map((s) => (
                  <Select.Item key={s.value} value={s.value}>
                    {s.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </label>
          <label className="flex flex-col gap-y-1">
            <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
              Merchant 商戶
            </Text>
            <Select size="small" value={merchant || ALL} onValueChange={(v) => setFilter("merchant_id", v === ALL ? "" : v)}>
              <Select.Trigger aria-label="Filter by merchant" className="min-w-[200px]" data-testid="settlements-filter-merchant">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All merchants 全部</Select.Item>
                {(merchants.data?.merchants ?? []).map((m) => (
                  <Select.Item key={m.id} value={m.id}>
                    {m.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </label>
          {(day || status || merchant) && (
            <Button size="small" variant="transparent" onClick={() => setParams(new URLSearchParams())}>
              Clear filters
            </Button>
          )}
          <div className="ml-auto">
            {isBusinessDay(day) ? (
              <Button size="small" variant="secondary" onClick={downloadPayoutFile} isLoading={downloading} data-testid="download-payout-file">
                Payout file CSV ({day})
              </Button>
            ) : (
              <Tooltip content="Pick a business day first: the payout file is per day.">
                <Button size="small" variant="secondary" disabled>
                  Payout file CSV
                </Button>
              </Tooltip>
            )}
          </div>
        </div>

        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4">Could not load settlements: {describeError(error)}</Text>
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Business day</Table.HeaderCell>
                  <Table.HeaderCell>Merchant 商戶</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Lines</Table.HeaderCell>
                  {AMOUNT_COLUMNS.map((c) => (
                    <Table.HeaderCell key={c.key} className="whitespace-nowrap text-right">
                      {c.label}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {isLoading && !data ? (
                  <Table.Row>
                    <SpanCell span={8}>
                      <Text size="small" className="text-ui-fg-subtle">
                        Loading…
                      </Text>
                    </SpanCell>
                  </Table.Row>
                ) : settlements.length === 0 ? (
                  <Table.Row>
                    <SpanCell span={8}>
                      <Text size="small" className="text-ui-fg-subtle" data-testid="settlements-empty">
                        No settlement batches{day ? ` for ${day}` : ""}. Run settlement for a day to make them.
                      </Text>
                    </SpanCell>
                  </Table.Row>
                ) : (
                  settlements.map((s) => (
                    <Table.Row
                      key={s.id}
                      className="cursor-pointer"
                      onClick={() => navigate(`/palmlife/settlements/${s.id}`)}
                      data-testid="settlement-row"
                      data-settlement-id={s.id}
                      data-merchant-id={s.merchant_id}
                    >
                      <Table.Cell className="whitespace-nowrap">{s.business_date}</Table.Cell>
                      <Table.Cell>
                        <Link
                          to={`/palmlife/settlements/${s.id}`}
                          className="text-ui-fg-base hover:underline"
                          onClick={(e) => e.stopPropagation()}
                          data-testid="settlement-merchant"
                        >
                          {s.merchant_name ?? s.merchant_id}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>
                        <SettlementStatusBadge status={s.status} />
                      </Table.Cell>
                      <Table.Cell className="text-right">{s.line_count}</Table.Cell>
                      {AMOUNT_COLUMNS.map((c) => (
                        <Table.Cell key={c.key} className="whitespace-nowrap text-right tabular-nums" data-testid={`settlement-${c.key}`}>
                          {formatYuan(s[c.key])}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))
                )}
                {data && count > 0 && (
                  <Table.Row className="bg-ui-bg-subtle font-medium" data-testid="settlements-totals">
                    <SpanCell span={3}>
                      <Text size="small" weight="plus">
                        Total 合計 · {count} batch{count === 1 ? "" : "es"}
                      </Text>
                    </SpanCell>
                    <Table.Cell className="text-right">{data.totals.line_count}</Table.Cell>
                    {AMOUNT_COLUMNS.map((c) => (
                      <Table.Cell key={c.key} className="whitespace-nowrap text-right tabular-nums" data-testid={`settlements-total-${c.key}`}>
                        {formatYuan(data.totals[c.key])}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                )}
              </Table.Body>
            </Table>
          </div>
        )}
        <Table.Pagination
          count={count}
          pageSize={PAGE_SIZE}
          pageIndex={page}
          pageCount={pageCount}
          canPreviousPage={page > 0}
          canNextPage={page + 1 < pageCount}
          previousPage={() => setFilter("page", String(page - 1))}
          nextPage={() => setFilter("page", String(page + 1))}
        />
      </Container>
      <Text size="xsmall" className="text-ui-fg-muted px-1">
        Totals cover every batch matching the filters, not only this page.
      </Text>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Settlements 結算",
  icon: Cash,
})

export const handle = {
  breadcrumb: () => "Settlements 結算",
}

export default SettlementsPage
