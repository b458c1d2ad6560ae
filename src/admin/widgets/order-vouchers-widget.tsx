import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Label, Prompt, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { errorMessage } from "../lib/merchants-api"
import { formatDateTime } from "../lib/format-date"
import { sdk } from "../lib/sdk"
import { formatFen, yuanToFen } from "../lib/yuan"

// Wire types of GET /admin/orders/:id/vouchers and POST /admin/vouchers/:id/refund (amounts in yuan).
type VoucherStatus = "active" | "partially_redeemed" | "redeemed" | "expired" | "refunded" | "void"

type OrderVoucher = {
  id: string
  title: string
  kind: string
  usage: "single_use" | "stored_value"
  status: VoucherStatus
  balance: number
  face_value: number
  currency_code: string
  expires_at: string | null
  code_last4: string
  redemptions_count: number
}

type VoucherRefund = { voucher_id: string; order_id: string | null; amount: number; currency_code: string }

const STATUS: Record<VoucherStatus, { label: string; color: "green" | "orange" | "grey" | "red" | "blue" | "purple" }> = {
  active: { label: "Active 可用", color: "green" },
  partially_redeemed: { label: "Partly used 部分使用", color: "blue" },
  redeemed: { label: "Used 已使用", color: "grey" },
  expired: { label: "Expired 已過期", color: "orange" },
  refunded: { label: "Refunded 已退款", color: "purple" },
  void: { label: "Void 作廢", color: "red" },
}

/** 61.6 (yuan, as the API answers) → "¥61.60"; via the string form, so no float arithmetic. */
const formatYuan = (yuan: number) => {
  const fen = yuanToFen(String(yuan))
  return fen === null ? `¥${yuan}` : formatFen(fen)
}

const REFUNDABLE: VoucherStatus[] = ["active", "partially_redeemed"]

const orderVoucherKey = (orderId: string) => ["palmlife", "orders", orderId, "vouchers"] as const

const OrderVouchersWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const qc = useQueryClient()
  const vouchers = useQuery({
    queryKey: orderVoucherKey(order.id),
    queryFn: () => sdk.client.fetch<{ vouchers: OrderVoucher[] }>(`/admin/orders/${order.id}/vouchers`),
  })
  const refund = useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      sdk.client.fetch<{ refund: VoucherRefund }>(`/admin/vouchers/${id}/refund`, { method: "POST", body: note ? { note } : {} }),
    // refunded or refused, the list may have moved on (another operator, the customer, a terminal)
    onSettled: () => qc.invalidateQueries({ queryKey: orderVoucherKey(order.id) }),
  })
  const [refunding, setRefunding] = useState<OrderVoucher | null>(null)
  const [note, setNote] = useState("")

  const list = vouchers.data?.vouchers ?? []
  // nothing to say about orders that issued no vouchers (or while we do not know yet)
  if (vouchers.isLoading || (vouchers.isSuccess && !list.length)) return null

  const open = (v: OrderVoucher) => {
    setNote("")
    setRefunding(v)
  }

  const confirm = async () => {
    if (!refunding) return
    try {
      const { refund: r } = await refund.mutateAsync({ id: refunding.id, note: note.trim() || undefined })
      toast.success(`Refunded ${formatYuan(r.amount)} for ${refunding.title} ****${refunding.code_last4}`)
      setRefunding(null)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Vouchers 券</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Issued by this order. Refunding pays the unused value back the way the order was paid.
          </Text>
        </div>
      </div>
      {vouchers.isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(vouchers.error)}</Text>
      ) : (
        list.map((v) => (
          <div key={v.id} className="flex items-start justify-between gap-x-4 px-6 py-4" data-testid={`order-voucher-${v.id}`}>
            <div className="flex min-w-0 flex-col gap-y-1">
              <Text size="small" weight="plus" className="truncate">{v.title}</Text>
              <div className="flex flex-wrap items-center gap-1.5">
                <span className="text-ui-fg-subtle txt-compact-small font-mono">****{v.code_last4}</span>
                <Badge size="2xsmall" color={STATUS[v.status]?.color ?? "grey"}>{STATUS[v.status]?.label ?? v.status}</Badge>
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                {formatYuan(v.balance)} / {formatYuan(v.face_value)}
                {v.redemptions_count ? ` · ${v.redemptions_count} redemption${v.redemptions_count === 1 ? "" : "s"}` : ""}
              </Text>
              {v.expires_at && (
                <Text size="xsmall" className="text-ui-fg-muted">Expires {formatDateTime(v.expires_at)}</Text>
              )}
            </div>
            {REFUNDABLE.includes(v.status) && (
              <Button size="small" variant="secondary" onClick={() => open(v)} disabled={refund.isPending}>
                Refund
              </Button>
            )}
          </div>
        ))
      )}
      <Prompt open={!!refunding} onOpenChange={(o) => !o && !refund.isPending && setRefunding(null)}>
        <Prompt.Content>
          <Prompt.Header>
            <Prompt.Title>Refund this voucher? 退款</Prompt.Title>
            <Prompt.Description>
              {refunding
                ? `${refunding.title} ****${refunding.code_last4} (${formatYuan(refunding.balance)} of ${formatYuan(refunding.face_value)} left) ` +
                  "stops working at once; its unused value goes back to the customer the way the order was paid."
                : ""}
            </Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-2 px-6 pb-4">
            <Label size="small" weight="plus" htmlFor="order-voucher-refund-note">Note 備註 (optional)</Label>
            <Textarea id="order-voucher-refund-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="Why the voucher is refunded" />
          </div>
          <Prompt.Footer>
            <Prompt.Cancel disabled={refund.isPending}>Cancel</Prompt.Cancel>
            <Prompt.Action
              disabled={refund.isPending}
              onClick={(e) => {
                // stay open until the refund answers; confirm() closes on success
                e.preventDefault()
                void confirm()
              }}
            >
              Refund
            </Prompt.Action>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderVouchersWidget
