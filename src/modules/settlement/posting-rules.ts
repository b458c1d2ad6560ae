import { merchantAccount } from "./accounts"

/** Pure posting arithmetic, integer fen; tested as properties. */
export type JournalLineInput = { account: string; amount: number }
export type Rate = { id: string | null; kind: "percentage" | "fixed"; value: number }

const assertFen = (n: number, what: string) => {
  if (!Number.isSafeInteger(n)) throw new Error(`${what} must be integer fen, got ${n}`)
}

export const sumLines = (lines: JournalLineInput[]) => lines.reduce((s, l) => s + l.amount, 0)

/** Drops zero lines and checks the entry balances. */
export function balanced(lines: JournalLineInput[]): JournalLineInput[] {
  lines.forEach((l) => assertFen(l.amount, l.account))
  const out = lines.filter((l) => l.amount !== 0)
  if (sumLines(out) !== 0) throw new Error(`unbalanced entry: ${JSON.stringify(out)}`)
  return out
}

/** A sale: what was paid (cash, points, benefit by funder) against what the merchant must still deliver. */
export function saleLines(m: string, p: { cash: number; points_value: number; benefit_value: number; benefit_funder: string | null }) {
  const total = p.cash + p.points_value + p.benefit_value
  return balanced([
    { account: "provider_clearing", amount: p.cash },
    { account: "points_liability", amount: p.points_value },
    p.benefit_funder === "merchant"
      ? { account: merchantAccount("merchant_discount_receivable", m), amount: p.benefit_value }
      : { account: "platform_subsidy_expense", amount: p.benefit_value },
    { account: merchantAccount("deferred_revenue", m), amount: -total },
  ])
}

/**
 * Points a member earns are owed to them (liability) and cost the platform (expense); taken back
 * (clawback, an operator's debit) the other way round; expired, the liability becomes breakage.
 * Spending and refunding points reach the ledger with the sale and the refund.
 */
export function pointsMovementLines(p: { kind: string; points: number; fen_per_point: number }): JournalLineInput[] {
  const fen = p.points * p.fen_per_point
  if (p.kind === "expire") return balanced([{ account: "points_liability", amount: -fen }, { account: "points_breakage", amount: fen }])
  return balanced([{ account: "points_expense", amount: fen }, { account: "points_liability", amount: -fen }])
}

export function shippingLines(shipping: number): JournalLineInput[] {
  return balanced([
    { account: "provider_clearing", amount: shipping },
    { account: "shipping_revenue", amount: -shipping },
  ])
}

/** A refund under a cancellation fee: what of the face value was used before, and what the fee keeps. */
export type RefundKept = { redeemed_before: number; kept_face: number }

export type Increment = { gross: number; merchant_funded: number; commission: number; net: number }

/**
 * What redeeming up to `redeemedAfter` of `face` posts, given what was posted before: the agreed
 * price and the merchant-funded discount pro rata (cumulative, so a fully used voucher posts its
 * whole value), commission on the increment rounded down (percentage) or pro rata (fixed per unit).
 */
export function redemptionIncrement(
  v: { face_value: number; sale_value: number; merchant_funded: number; gross_posted: number; merchant_funded_posted: number; fixed_commission: number; commission_posted: number },
  redeemedBefore: number,
  redeemedAfter: number,
  rate: Rate
): Increment {
  ;[redeemedBefore, redeemedAfter, v.face_value, v.sale_value].forEach((n) => assertFen(n, "amount"))
  if (redeemedAfter < 0 || redeemedAfter > v.face_value) throw new Error("redeemed beyond the face value")
  const share = (x: number, r: number) => Number((BigInt(x) * BigInt(r)) / BigInt(v.face_value))
  const gross = share(v.sale_value, redeemedAfter) - v.gross_posted
  const merchantFunded = share(v.merchant_funded, redeemedAfter) - v.merchant_funded_posted
  let commission: number
  if (rate.kind === "percentage") {
    commission = gross >= 0 ? Number((BigInt(gross) * BigInt(rate.value)) / 10000n) : -Number((BigInt(-gross) * BigInt(rate.value)) / 10000n)
  } else {
    // the fixed fee is per unit, spread over the face value like the price
    commission = share(v.fixed_commission, redeemedAfter) - share(v.fixed_commission, redeemedBefore)
  }
  return { gross, merchant_funded: merchantFunded, commission, net: gross - commission - merchantFunded }
}

/**
 * Mall goods delivered: the merchant earns the delivered units' sale value (cash + points + benefit,
 * as deferred at the sale) less commission — percentage rounded down, or the fixed fee per unit —
 * and less the merchant-funded discount on them.
 */
export function deliveryIncrement(p: { gross: number; merchant_funded: number; units: number }, rate: Rate): Increment {
  assertFen(p.gross, "gross")
  assertFen(p.merchant_funded, "merchant_funded")
  if (p.gross < 0 || p.merchant_funded < 0 || !Number.isSafeInteger(p.units) || p.units < 0) throw new Error("a delivery is never negative")
  const commission = rate.kind === "percentage" ? Number((BigInt(p.gross) * BigInt(rate.value)) / 10000n) : rate.value * p.units
  return { gross: p.gross, merchant_funded: p.merchant_funded, commission, net: p.gross - commission - p.merchant_funded }
}

/** The platform's own goods delivered: what was paid (cash, points, platform benefit) becomes goods revenue. */
export function platformGoodsLines(p: { cash: number; points_value: number; benefit_value: number }): JournalLineInput[] {
  return balanced([
    { account: "provider_clearing", amount: p.cash },
    { account: "points_liability", amount: p.points_value },
    { account: "platform_subsidy_expense", amount: p.benefit_value },
    { account: "goods_revenue", amount: -(p.cash + p.points_value + p.benefit_value) },
  ])
}

/** The merchant earns its share: deferred revenue becomes payable, commission and merchant-funded discount come off. */
export function earnedLines(m: string, inc: Increment): JournalLineInput[] {
  return balanced([
    { account: merchantAccount("deferred_revenue", m), amount: inc.gross },
    { account: merchantAccount("merchant_payable", m), amount: -inc.net },
    { account: "commission_revenue", amount: -inc.commission },
    { account: merchantAccount("merchant_discount_receivable", m), amount: -inc.merchant_funded },
  ])
}

export const negate = (lines: JournalLineInput[]) => lines.map((l) => ({ account: l.account, amount: -l.amount }))

/**
 * A refund of what is left of a voucher: the unused value leaves deferred revenue; cash and points
 * go back as the rights refund returned them; the benefit funder takes back its share of the unused
 * part; fen lost or gained by rounding go to `rounding`.
 */
export function refundLines(
  m: string,
  p: { unused: number; cash_back: number; points_back: number; benefit_back: number; benefit_funder: string | null }
): JournalLineInput[] {
  const rounding = p.unused - p.cash_back - p.points_back - p.benefit_back
  return balanced([
    { account: merchantAccount("deferred_revenue", m), amount: p.unused },
    { account: "provider_clearing", amount: -p.cash_back },
    { account: "points_liability", amount: -p.points_back },
    p.benefit_funder === "merchant"
      ? { account: merchantAccount("merchant_discount_receivable", m), amount: -p.benefit_back }
      : { account: "platform_subsidy_expense", amount: -p.benefit_back },
    { account: "rounding", amount: -rounding },
  ])
}

/** An expired voucher the platform keeps: unused value to breakage, the merchant's unused discount share cancelled. */
export function platformBreakageLines(m: string, p: { unused: number; merchant_funded_unused: number }): JournalLineInput[] {
  return balanced([
    { account: merchantAccount("deferred_revenue", m), amount: p.unused },
    { account: merchantAccount("merchant_discount_receivable", m), amount: -p.merchant_funded_unused },
    { account: "breakage_revenue", amount: -(p.unused - p.merchant_funded_unused) },
  ])
}

export function payoutLines(m: string, net: number): JournalLineInput[] {
  return balanced([
    { account: merchantAccount("merchant_payable", m), amount: net },
    { account: "bank", amount: -net },
  ])
}

/** Most specific rate wins (product, category, merchant, global), the latest effective on that day. */
export function pickRate<R extends { scope_type: string; scope_id: string | null; effective_from: string }>(
  rates: R[],
  on: { business_date: string; merchant_id: string; product_id?: string | null; category_ids?: string[] }
): R | null {
  const order: Array<[string, (r: R) => boolean]> = [
    ["product", (r) => !!on.product_id && r.scope_id === on.product_id],
    ["category", (r) => !!r.scope_id && (on.category_ids ?? []).includes(r.scope_id)],
    ["merchant", (r) => r.scope_id === on.merchant_id],
    ["global", () => true],
  ]
  for (const [scope, matches] of order) {
    const candidates = rates
      .filter((r) => r.scope_type === scope && r.effective_from <= on.business_date && matches(r))
      .sort((a, b) => (a.effective_from < b.effective_from ? 1 : a.effective_from > b.effective_from ? -1 : 0))
    if (candidates.length) return candidates[0]
  }
  return null
}
