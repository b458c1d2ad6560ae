import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { shanghaiDate } from "../lib/shanghai-time"
import type { LineFunding } from "../modules/rights/funding"
import { RIGHTS_MODULE } from "../modules/rights"
import type RightsModuleService from "../modules/rights/service"
import { SETTLEMENT_MODULE } from "../modules/settlement"
import { deliveryIncrement, earnedLines, pickRate, platformGoodsLines, type Rate } from "../modules/settlement/posting-rules"
import { JournalLineInput, pointsMovementLines, type RefundKept, saleLines, shippingLines } from "../modules/settlement/posting-rules"
import { FEN_PER_POINT } from "../modules/rights/rules"
import type { EntryInput } from "../modules/settlement/service"
import type SettlementModuleService from "../modules/settlement/service"
import { loadVoucherUnit, loadVoucherUnits } from "./steps/settlement-voucher-unit"

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

/** Posts vouchers' redemptions and reversals not yet in the ledger; returns how many entries it posted. */
export async function postVoucherActivity(container: MedusaContainer, voucherIds: string | string[]) {
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  let posted = 0
  const ids = [...new Set(Array.isArray(voucherIds) ? voucherIds : [voucherIds])]
  for (let i = 0; i < ids.length; i += 200) {
    for (const loaded of (await loadVoucherUnits(container, ids.slice(i, i + 200))).values()) {
      posted += await settlement.syncVoucherRedemptions(loaded.unit, loaded.events)
    }
  }
  return posted
}

/** After a voucher refund: activity first (a redemption may not be posted yet), then the refund. */
export async function postVoucherRefund(container: MedusaContainer, voucherId: string, refund: { cash_back: number; points_back: number; kept?: RefundKept | null; at?: Date }) {
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

/**
 * Mall goods reach the ledger when they are delivered: per delivered line of a fulfilment, the
 * selling merchant earns the delivered units' share of the sale (deferred revenue → payable, less
 * commission at the rate of the delivery day), or — for the platform's own goods — the sale becomes
 * goods revenue. Exactly once per fulfilment and line (`delivery:<fulfilment>:<line>`); deliveries of
 * one order take turns on a lock, so split shipments of a line add up to its funding to the fen.
 */
export async function postMallDelivery(container: MedusaContainer, fulfillmentId: string, recordFunding?: (orderId: string) => Promise<unknown>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [link] } = await query.graph({ entity: "order_fulfillment", fields: ["order_id", "fulfillment_id"], filters: { fulfillment_id: fulfillmentId } })
  const orderId = (link as any)?.order_id as string | undefined
  if (!orderId) return 0
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(`mall-delivery:${orderId}`, async () => {
    const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
    const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
    const load = () =>
      query.graph({
        entity: "order",
        fields: ["id", "items.id", "items.product_id", "items.quantity", "fulfillments.id", "fulfillments.delivered_at", "fulfillments.items.line_item_id", "fulfillments.items.quantity"],
        filters: { id: orderId },
      })
    const { data: [order] } = await load()
    const fulfillments = ((order as any)?.fulfillments ?? []).filter(Boolean) as any[]
    const mine = fulfillments.find((f) => f.id === fulfillmentId)
    if (!mine?.delivered_at) return 0
    let fundings = (await rights.listOrderLineFundings({ order_id: orderId } as any)) as any[]
    if (!fundings.length && recordFunding) {
      // a delivery before order.placed was handled (or a lost event): record the sale first
      await recordFunding(orderId)
      fundings = (await rights.listOrderLineFundings({ order_id: orderId } as any)) as any[]
    }
    const fundingOf = new Map<string, any>(fundings.map((f) => [f.line_item_id, f] as [string, any]))
    const items = ((order as any).items ?? []).filter(Boolean) as any[]
    const productIds = [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[]
    const { data: products } = productIds.length
      ? await query.graph({ entity: "product", fields: ["id", "metadata", "merchant.id", "categories.id"], filters: { id: productIds } })
      : { data: [] as any[] }
    const productOf = new Map<string, any>(products.map((p: any) => [p.id, p] as [string, any]))
    const itemOf = new Map<string, any>(items.map((i) => [i.id, i] as [string, any]))
    // units of each line already posted by earlier deliveries of this order
    const posted = new Set<string>(
      ((await settlement.listJournalEntries({ order_id: orderId, kind: "delivery" } as any, { select: ["posting_key"] })) as any[]).map((e) => e.posting_key)
    )
    const unitsBefore = new Map<string, number>()
    for (const f of fulfillments) {
      if (f.id === fulfillmentId) continue
      for (const fi of f.items ?? []) {
        if (fi && posted.has(`delivery:${f.id}:${fi.line_item_id}`)) unitsBefore.set(fi.line_item_id, (unitsBefore.get(fi.line_item_id) ?? 0) + Number(fi.quantity))
      }
    }
    const businessDate = shanghaiDate(new Date(mine.delivered_at))
    const rates = await settlement.ratesFor()
    const entries: EntryInput[] = []
    for (const fi of (mine.items ?? []).filter(Boolean)) {
      const funding = fundingOf.get(fi.line_item_id)
      const item = itemOf.get(fi.line_item_id)
      const product = productOf.get(item?.product_id)
      if (!funding || product?.metadata?.scene !== "mall") continue
      const q = Number(funding.quantity)
      const before = Math.min(unitsBefore.get(fi.line_item_id) ?? 0, q)
      const after = Math.min(before + Number(fi.quantity), q)
      if (after <= before) continue
      // cumulative shares, so the last delivery of a line takes what rounding left
      const part = (x: unknown) => Number((BigInt(Number(x)) * BigInt(after)) / BigInt(q) - (BigInt(Number(x)) * BigInt(before)) / BigInt(q))
      const cash = part(funding.cash)
      const points = part(funding.points_value)
      const benefit = part(funding.benefit_value)
      const key = `delivery:${fulfillmentId}:${fi.line_item_id}`
      const merchantId = product?.merchant?.id as string | undefined
      if (!merchantId) {
        entries.push({ posting_key: key, kind: "delivery", business_date: businessDate, order_id: orderId, source_id: fulfillmentId, lines: platformGoodsLines({ cash, points_value: points, benefit_value: benefit }) })
        continue
      }
      const picked = pickRate(rates, { business_date: businessDate, merchant_id: merchantId, product_id: product.id, category_ids: (product.categories ?? []).map((c: any) => c.id) })
      const rate: Rate = picked ? { id: picked.id, kind: picked.kind, value: picked.value } : { id: null, kind: "percentage", value: 0 }
      const inc = deliveryIncrement({ gross: cash + points + benefit, merchant_funded: funding.benefit_funder === "merchant" ? benefit : 0, units: after - before }, rate)
      entries.push({
        posting_key: key, kind: "delivery", business_date: businessDate, merchant_id: merchantId, order_id: orderId, source_id: fulfillmentId,
        lines: earnedLines(merchantId, inc), settlement: { kind: "delivery", increment: inc, commission_rate_id: rate.id },
      })
    }
    return entries.length ? settlement.postEntries(entries) : 0
  })
}

/**
 * Points earned, clawed back, adjusted by an operator or expired, each once (`points:<entry>`).
 * Burns and refunds of points are not here: the sale and the voucher refund post them. An
 * `unrefund:` adjustment undoes a refund that never reached the ledger, so it stays out too.
 */
export async function postPointsMovements(
  container: MedusaContainer,
  filter: { order_id?: string; ids?: string[]; created_from?: Date; created_to?: Date; kinds?: string[] }
) {
  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  const kinds = (filter.kinds ?? ["earn", "clawback", "adjust", "expire"]).filter((k) => ["earn", "clawback", "adjust", "expire"].includes(k))
  const where: Record<string, any> = { kind: kinds }
  if (filter.order_id) where.order_id = filter.order_id
  if (filter.ids) where.id = filter.ids
  if (filter.created_from || filter.created_to) where.created_at = { ...(filter.created_from ? { $gte: filter.created_from } : {}), ...(filter.created_to ? { $lt: filter.created_to } : {}) }
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  let posted = 0
  for (let skip = 0; ; skip += 500) {
    const page = await rights.listPointsEntries(where, { select: ["id", "kind", "points", "posting_key", "order_id", "created_at"], take: 500, skip, order: { id: "ASC" } })
    const entries: EntryInput[] = (page as any[])
      .filter((e) => !String(e.posting_key).startsWith("unrefund:"))
      .map((e) => ({
        posting_key: `points:${e.id}`,
        kind: "points",
        business_date: shanghaiDate(new Date(e.created_at)),
        order_id: e.order_id ?? null,
        source_id: e.id,
        lines: pointsMovementLines({ kind: e.kind, points: Number(e.points), fen_per_point: FEN_PER_POINT }),
      }))
    if (entries.length) posted += await settlement.postEntries(entries)
    if (page.length < 500) break
  }
  return posted
}

/** Catch-up for the nightly batch: mall goods delivered in [from, to) whose `delivery.created` was lost. */
export async function postMallDeliveriesBetween(container: MedusaContainer, from: Date, to: Date, page = 200) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let posted = 0
  for (let skip = 0; ; skip += page) {
    const { data } = await query.graph({
      entity: "fulfillment",
      fields: ["id"],
      filters: { delivered_at: { $gte: from, $lt: to } } as any,
      pagination: { skip, take: page, order: { id: "ASC" } },
    })
    for (const f of data as any[]) posted += await postMallDelivery(container, f.id)
    if (data.length < page) break
  }
  return posted
}
