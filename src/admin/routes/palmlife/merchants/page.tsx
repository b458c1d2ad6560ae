import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
import {
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { formatDateTime } from "../../../lib/format-date"
import { errorMessage, type Merchant, useMerchants } from "../../../lib/merchants-api"
import { CreateMerchantModal } from "./components/create-merchant-modal"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<Merchant>()

const columns = [
  column.accessor("name", {
    header: "Merchant",
    cell: ({ row }) => (
      <div className="flex flex-col py-1">
        <span className="text-ui-fg-base">{row.original.name}</span>
        {row.original.legal_name && <span className="text-ui-fg-muted txt-compact-xsmall">{row.original.legal_name}</span>}
      </div>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => (
      <StatusBadge color={getValue() === "active" ? "green" : "orange"}>{getValue() === "active" ? "Active" : "Suspended"}</StatusBadge>
    ),
  }),
  column.accessor("store_count", { header: "Stores", align: "right" }),
  column.accessor("terminal_count", { header: "Terminals", align: "right" }),
  column.accessor("settlement_account_masked", {
    header: "Settlement account",
    cell: ({ getValue }) => <code className="txt-compact-small text-ui-fg-subtle">{getValue() ?? "–"}</code>,
  }),
  column.accessor("created_at", { header: "Created", cell: ({ getValue }) => formatDateTime(getValue()) }),
]

const MerchantsPage = () => {
  const navigate = useNavigate()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const query = useMemo(
    () => ({ ...(search ? { q: search } : {}), limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize }),
    [search, pagination]
  )
  const { data, isLoading, isError, error } = useMerchants(query)

  const table = useDataTable({
    columns,
    data: data?.merchants ?? [],
    getRowId: (m) => m.id,
    rowCount: data?.count ?? 0,
    isLoading,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, row) => navigate(`/palmlife/merchants/${row.id}`),
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div>
            <Heading>Merchants 商戶</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Who sells vouchers on PalmLife, their stores and terminals.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder="Search merchants" />
            <CreateMerchantModal />
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <Text className="text-ui-fg-error px-6 py-4">Could not load merchants: {errorMessage(error)}</Text>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: "No merchants yet", description: "Create the first merchant to start selling its vouchers." },
              filtered: { heading: "No matching merchants", description: "Try another name." },
            }}
          />
        )}
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Merchants 商戶",
  icon: Buildings,
})

export const handle = {
  breadcrumb: () => "Merchants 商戶",
}

export default MerchantsPage
