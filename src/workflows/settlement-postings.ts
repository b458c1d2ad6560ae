import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { shanghaiDate } from "../lib/shanghai-time"
import type { LineFunding } from "../modules/rights/funding"
import { SETTLEMENT_MODULE } from "../modules/settlement"
import { JournalLineInput, saleLines, shippingLines } from "../modules/settlement/posting-rules"
import type SettlementModuleService from "../modules/settlement/service"
import { loadVoucherUnit } from "./steps/settlement-voucher-unit"

/**
 * The ledger side of business events. Each posting is exactly-once by its key, so these are safe
 * to call again (a redelivered event, the nightly catch-up before a batch).
 */
export async function postOrderSale(
  container: MedusaContainer,
  order: { id: string; created_at: Date | string },
  split: { lines: LineFunding[]; shipping: number; benefit_funder: string | null }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [o] } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.product_id"], filters: { id: order.id } })
  const productIds = [...new Set(((o?.items ?? []) as any[]).map((i) => i?.product_id).filter(Boolean))] as string[]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "merchant.id"], filters: { id: productIds } })
    : { data: [] as any[] }
  const merchantOf = new Map<string, string | undefined>(products.map((p: any) => [p.id, p.merchant?.id] as [string, string | undefined]))
  const productOf = new Map<string, string>(((o?.items ?? []) as any[]).map((i) => [i.id, i.product_id] as [string, string]))
  const lines: JournalLineInput[] = []
  for (const l of split.lines) {
    const merchantId = merchantOf.get(productOf.get(l.line_item_id) ?? "")
    // goods no merchant sells are the platform's own: nothing is owed to anyone
    if (!merchantId) continue
    lines.push(...saleLines(merchantId, { cash: l.cash, points_value: l.points_value, benefit_value: l.benefit_value, benefit_funder: l.benefit_value ? split.benefit_funder : null }))
  }
  if (split.shipping > 0) lines.push(...shippingLines(split.shipping))
  if (!lines.length) return 0
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  return settlement.postEntries([
    { posting_key: `sale:${order.id}`, kind: "sale", business_date: shanghaiDate(new Date(order.created_at)), order_id: order.id, lines },
  ])
}

/** Posts a voucher's redemptions and reversals not yet in the ledger. */
export async function postVoucherActivity(container: MedusaContainer, voucherId: string) {
  const loaded = await loadVoucherUnit(container, voucherId)
  if (!loaded) return 0
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  return settlement.syncVoucherRedemptions(loaded.unit, loaded.events)
}

/** After a voucher refund: activity first (a redemption may not be posted yet), then the refund. */
export async function postVoucherRefund(container: MedusaContainer, voucherId: string, refund: { cash_back: number; points_back: number; at?: Date }) {
  const loaded = await loadVoucherUnit(container, voucherId)
  if (!loaded) return false
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  await settlement.syncVoucherRedemptions(loaded.unit, loaded.events)
  return settlement.postVoucherRefund(loaded.unit, { ...refund, at: refund.at ?? new Date() })
}

export async function postVoucherExpiry(container: MedusaContainer, voucherId: string, at: Date) {
  const loaded = await loadVoucherUnit(container, voucherId)
  if (!loaded) return false
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  await settlement.syncVoucherRedemptions(loaded.unit, loaded.events)
  return settlement.postVoucherExpiry(loaded.unit, at)
}
