import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RIGHTS_MODULE } from "../../modules/rights"
import { unitShare } from "../../modules/rights/rules"
import type RightsModuleService from "../../modules/rights/service"
import { SETTLEMENT_MODULE } from "../../modules/settlement"
import type SettlementModuleService from "../../modules/settlement/service"
import type { VoucherEvent, VoucherUnit } from "../../modules/settlement/service"
import { VOUCHER_MODULE } from "../../modules/voucher"
import type VoucherModuleService from "../../modules/voucher/service"
import { recordOrderFunding } from "../record-order-funding"

export type LoadedVoucherUnit = { unit: VoucherUnit; events: VoucherEvent[] }

/**
 * What settlement needs about one voucher: its unit of the order line (the n-th voucher of the
 * line carries the n-th unit's share of cash, points and benefit), where it was sold, and its
 * redemptions and reversals. Null for vouchers no order paid for (seeded gifts): no money moved.
 */
export async function loadVoucherUnit(container: MedusaContainer, voucherId: string): Promise<LoadedVoucherUnit | null> {
  return (await loadVoucherUnits(container, [voucherId])).get(voucherId) ?? null
}

/**
 * Many vouchers at once, as the posting of terminal activity needs them every few seconds: the
 * units settlement has seen before come from its own table, only new ones are worked out from
 * their orders, and every voucher's history is one query.
 */
export async function loadVoucherUnits(container: MedusaContainer, voucherIds: string[]): Promise<Map<string, LoadedVoucherUnit>> {
  const ids = [...new Set(voucherIds)]
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
  const units = await settlement.knownVoucherUnits(ids)
  for (const id of ids) {
    if (units.has(id)) continue
    const unit = await unitFromOrder(container, id)
    if (unit) units.set(id, unit)
  }
  const out = new Map<string, LoadedVoucherUnit>()
  for (const unit of units.values()) out.set(unit.voucher_id, { unit, events: [] })
  for (const r of await vouchers.listRedemptionEvents([...units.keys()])) {
    const events = out.get(r.voucher_id)!.events
    events.push({ kind: "redemption", redemption_id: r.id, amount: r.amount, at: r.created_at })
    if (r.reversed_at) events.push({ kind: "reversal", redemption_id: r.id, amount: r.amount, at: r.reversed_at })
  }
  return out
}

async function unitFromOrder(container: MedusaContainer, voucherId: string): Promise<VoucherUnit | null> {
  const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  const [voucher] = await vouchers.listIssuedVouchers({ id: voucherId })
  if (!voucher?.order_id || !voucher.line_item_id) return null
  let [funding] = await rights.listOrderLineFundings({ line_item_id: voucher.line_item_id })
  if (!funding) {
    await recordOrderFunding(container, { order_id: voucher.order_id })
    ;[funding] = await rights.listOrderLineFundings({ line_item_id: voucher.line_item_id })
    if (!funding) return null
  }
  const siblings = (await vouchers.listIssuedVouchers({ line_item_id: voucher.line_item_id }, { select: ["id", "created_at"] }))
    .sort((a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1))
  const q = Number(funding.quantity)
  const k = Math.min(q - 1, Math.max(0, siblings.findIndex((s: any) => s.id === voucher.id)))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.product_id"], filters: { id: voucher.order_id } })
  const productId = ((order?.items ?? []) as any[]).find((i) => i?.id === voucher.line_item_id)?.product_id ?? null
  const { data: [product] } = productId
    ? await query.graph({ entity: "product", fields: ["id", "categories.id"], filters: { id: productId } })
    : { data: [] as any[] }
  const cash = unitShare(Number(funding.cash), q, k)
  const points = unitShare(Number(funding.points_value), q, k)
  const benefit = unitShare(Number(funding.benefit_value), q, k)
  return {
    voucher_id: voucher.id,
    merchant_id: voucher.merchant_id,
    order_id: voucher.order_id,
    product_id: productId,
    category_ids: ((product as any)?.categories ?? []).map((c: any) => c.id),
    face_value: Number(voucher.face_value),
    sale_value: cash + points + benefit,
    cash,
    points_value: points,
    benefit_value: benefit,
    benefit_funder: (funding.benefit_funder as string | null) ?? null,
  }
}
