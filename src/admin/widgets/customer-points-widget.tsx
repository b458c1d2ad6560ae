import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Alert,
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Drawer,
  Heading,
  Hint,
  Input,
  Label,
  RadioGroup,
  Text,
  Textarea,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { lastDayOf } from "../lib/benefit-program-form"
import { formatDateTime } from "../lib/format-date"
import { describeError, type PointsEntry, type PointsKind, useAdjustPoints, useCustomerPoints } from "../lib/rights-api"
import { sdk } from "../lib/sdk"

const PAGE_SIZE = 10
const MAX_ADJUST = 100_000_000

const KIND: Record<PointsKind, { label: string; color: "green" | "orange" | "grey" | "red" | "blue" | "purple" }> = {
  earn: { label: "Earned 獲得", color: "green" },
  burn: { label: "Spent 抵扣", color: "blue" },
  release: { label: "Released 退回", color: "grey" },
  refund: { label: "Refunded 退款返還", color: "purple" },
  clawback: { label: "Clawed back 退款扣回", color: "orange" },
  expire: { label: "Expired 過期", color: "red" },
  adjust: { label: "Adjusted 人工調整", color: "grey" },
}

const points = (n: number) => new Intl.NumberFormat("en-US").format(n)
const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${points(Math.abs(n))}`

/** An idempotency key: one per distinct adjustment, so a retried submit posts once (works on plain http too). */
function newKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return `admin-adjust-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`
}

/** Operators' emails and orders' display ids for the ledger page on screen. */
function useLedgerLabels(entries: PointsEntry[]) {
  const operatorIds = [...new Set(entries.map((e) => e.operator_id).filter((id): id is string => !!id))].sort()
  const orderIds = [...new Set(entries.map((e) => e.order_id).filter((id): id is string => !!id))].sort()
  const operators = useQuery({
    queryKey: ["palmlife", "users", operatorIds],
    enabled: operatorIds.length > 0,
    queryFn: () => sdk.admin.user.list({ id: operatorIds, limit: operatorIds.length, fields: "id,email,first_name,last_name" }),
  })
  const orders = useQuery({
    queryKey: ["palmlife", "orders-display-ids", orderIds],
    enabled: orderIds.length > 0,
    queryFn: () => sdk.admin.order.list({ id: orderIds, limit: orderIds.length, fields: "id,display_id" }),
  })
  return {
    operator: new Map((operators.data?.users ?? []).map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email])),
    order: new Map((orders.data?.orders ?? []).map((o) => [o.id, `#${o.display_id}`])),
  }
}

const column = createDataTableColumnHelper<PointsEntry>()

const CustomerPointsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const page = useMemo(() => ({ limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize }), [pagination])
  const { data, isLoading, isError, error } = useCustomerPoints(customer.id, page)
  const [adjusting, setAdjusting] = useState(false)
  const entries = data?.entries ?? []
  const labels = useLedgerLabels(entries)

  const columns = useMemo(
    () => [
      column.accessor("created_at", {
        header: "Date · by 日期 · 操作員",
        cell: ({ row }) => {
          const id = row.original.operator_id
          return (
            <div className="flex flex-col py-1">
              <span className="whitespace-nowrap">{formatDateTime(row.original.created_at)}</span>
              <span className="text-ui-fg-muted txt-compact-xsmall whitespace-nowrap" title={id ?? undefined}>
                {id ? labels.operator.get(id) ?? id : "System 系統"}
              </span>
            </div>
          )
        },
      }),
      column.accessor("kind", {
        header: "Type 類型",
        cell: ({ getValue }) => (
          <Badge size="2xsmall" color={KIND[getValue()]?.color ?? "grey"} className="whitespace-nowrap">
            {KIND[getValue()]?.label ?? getValue()}
          </Badge>
        ),
      }),
      column.accessor("points", {
        header: "Points 積分",
        cell: ({ getValue }) => (
          <span className={`font-mono whitespace-nowrap ${getValue() < 0 ? "text-ui-fg-error" : "text-ui-tag-green-text"}`}>{signed(getValue())}</span>
        ),
      }),
      column.accessor("balance_after", {
        header: "Balance 餘額",
        cell: ({ getValue }) => <span className="font-mono">{points(getValue())}</span>,
      }),
      column.accessor("reason", {
        header: "Reason · order 原因 · 訂單",
        cell: ({ row }) => {
          const { reason, order_id: orderId } = row.original
          return (
            <div className="flex max-w-[260px] flex-col py-1">
              <span className="truncate" title={reason ?? undefined}>
                {reason || (orderId ? "" : "–")}
              </span>
              {orderId && (
                <Link to={`/orders/${orderId}`} className="text-ui-fg-interactive txt-compact-xsmall hover:underline" onClick={(e) => e.stopPropagation()}>
                  Order {labels.order.get(orderId) ?? orderId}
                </Link>
              )}
            </div>
          )
        },
      }),
    ],
    [labels.operator, labels.order]
  )

  const table = useDataTable({
    columns,
    data: entries,
    getRowId: (e) => e.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  const next = data?.expiring[0]

  return (
    <Container className="divide-y p-0" data-testid="customer-points-widget">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 sm:flex-row sm:items-center">
        <div>
          <Heading level="h2">Points 積分</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Balance, expiry and every posting; adjustments keep their reason and operator.
          </Text>
        </div>
        <Button size="small" variant="secondary" className="shrink-0" onClick={() => setAdjusting(true)} disabled={!data}>
          Adjust 調整
        </Button>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          Could not load points: {describeError(error)}
        </Text>
      ) : (
        <>
          <div className="grid grid-cols-1 gap-4 px-6 py-4 sm:grid-cols-2">
            <div className="flex flex-col">
              <Text size="small" className="text-ui-fg-subtle">
                Balance 餘額
              </Text>
              <Heading level="h2" className="text-2xl" data-testid="points-balance">
                {data ? points(data.balance) : "…"}
              </Heading>
            </div>
            <div className="flex flex-col">
              <Text size="small" className="text-ui-fg-subtle">
                Next to expire 即將過期
              </Text>
              {next ? (
                <Text size="small" weight="plus" className="pt-1" data-testid="points-expiring">
                  {points(next.points)} usable through {lastDayOf(next.expires_at)}
                </Text>
              ) : (
                <Text size="small" className="text-ui-fg-muted pt-1">
                  {data ? "Nothing due 無" : "…"}
                </Text>
              )}
              {data && data.expiring.length > 1 && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  then {data.expiring.slice(1).map((x) => `${points(x.points)} through ${lastDayOf(x.expires_at)}`).join(", ")}
                </Text>
              )}
            </div>
          </div>
          <DataTable instance={table}>
            <DataTable.Table
              emptyState={{
                empty: { heading: "No points activity yet", description: "Points are earned on paid orders and spent at checkout." },
              }}
            />
            <DataTable.Pagination />
          </DataTable>
        </>
      )}
      {data && <AdjustPointsDrawer customerId={customer.id} balance={data.balance} open={adjusting} onOpenChange={setAdjusting} />}
    </Container>
  )
}

type Direction = "credit" | "debit"

const AdjustPointsDrawer = ({ customerId, balance, open, onOpenChange }: {
  customerId: string
  balance: number
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const adjust = useAdjustPoints(customerId)
  const [direction, setDirection] = useState<Direction>("credit")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [submitted, setSubmitted] = useState(false)
  // a new key whenever what would be posted changes; the same one for a retry of the same thing
  const [key, setKey] = useState(newKey)

  useEffect(() => {
    if (open) {
      setDirection("credit")
      setAmount("")
      setReason("")
      setSubmitted(false)
      setKey(newKey())
      adjust.reset()
    }
    // reset once per opening (adjust.reset is stable enough; the form must not reset while typing)
  }, [open])

  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v)
    setKey(newKey())
    adjust.reset()
  }

  const count = /^\d{1,9}$/.test(amount.trim()) ? Number(amount.trim()) : NaN
  const delta = direction === "credit" ? count : -count
  const errors: { amount?: string; reason?: string } = {}
  if (!(count >= 1 && count <= MAX_ADJUST)) errors.amount = `A whole number of points from 1 to ${points(MAX_ADJUST)}`
  else if (balance + delta < 0) errors.amount = `The balance is ${points(balance)}; it cannot go below zero`
  const why = reason.trim()
  if (why.length < 3) errors.reason = "Say why, in at least 3 characters (kept in the ledger)"
  else if (why.length > 500) errors.reason = "At most 500 characters"
  const shown = submitted ? errors : {}

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (errors.amount || errors.reason) return
    try {
      const result = await adjust.mutateAsync({ points: delta, reason: why, idempotencyKey: key })
      toast.success(`Points ${signed(delta)} · balance now ${points(result.balance)}`)
      onOpenChange(false)
    } catch {
      // shown in the drawer, with the server's code
    }
  }

  return (
    <Drawer open={open} onOpenChange={(o) => !adjust.isPending && onOpenChange(o)}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid="points-adjust-form">
          <Drawer.Header>
            <Drawer.Title>Adjust points 調整積分</Drawer.Title>
            <Drawer.Description className="sr-only">Credit or debit this customer&apos;s points with a reason</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Current balance <span className="text-ui-fg-base font-medium">{points(balance)}</span>. The adjustment is posted to the ledger with your
              name and the reason; it cannot take the balance below zero.
            </Text>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">
                Direction 方向
              </Label>
              <RadioGroup value={direction} onValueChange={edit((v: string) => setDirection(v as Direction))} className="flex gap-x-6">
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="credit" id="points-credit" />
                  <Label htmlFor="points-credit" size="small">
                    Add 增加 (+)
                  </Label>
                </div>
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="debit" id="points-debit" />
                  <Label htmlFor="points-debit" size="small">
                    Deduct 扣減 (−)
                  </Label>
                </div>
              </RadioGroup>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="points-amount" size="small" weight="plus">
                Points 積分
              </Label>
              <Input
                id="points-amount"
                inputMode="numeric"
                autoComplete="off"
                placeholder="500"
                value={amount}
                onChange={(e) => edit(setAmount)(e.target.value)}
                aria-invalid={!!shown.amount}
              />
              {shown.amount ? (
                <Hint variant="error">{shown.amount}</Hint>
              ) : (
                <Hint>
                  {Number.isFinite(count) && count > 0
                    ? `Balance after: ${points(balance)} ${direction === "credit" ? "+" : "−"} ${points(count)} = ${points(balance + delta)}`
                    : "100 points = ¥1 at checkout"}
                </Hint>
              )}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="points-reason" size="small" weight="plus">
                Reason 原因
              </Label>
              <Textarea
                id="points-reason"
                value={reason}
                maxLength={600}
                rows={3}
                placeholder="Goodwill for the late delivery of order #1042"
                onChange={(e) => edit(setReason)(e.target.value)}
                aria-invalid={!!shown.reason}
              />
              {shown.reason ? <Hint variant="error">{shown.reason}</Hint> : <Hint>{why.length}/500</Hint>}
            </div>
            {adjust.isError && (
              <Alert variant="error" data-testid="points-adjust-error">
                The adjustment was not posted: {describeError(adjust.error)}
              </Alert>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button" disabled={adjust.isPending}>
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={adjust.isPending}>
              Post adjustment
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerPointsWidget
