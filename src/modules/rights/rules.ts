/**
 * The money rules of rights payment, pure and in integer fen (1 point = 1 fen: 100 points = ¥1).
 * Used by the cart routes, the completion check and the funding split alike, so what a customer
 * sees in the cart is what the order records.
 */
export const FEN_PER_POINT = 1
export const POINTS_PER_YUAN_BURNED = 100
export const EARN_POINTS_PER_YUAN = 1
export const DEFAULT_MAX_BURN_BPS = 5000

export type RightsLine = {
  id: string
  product_id: string | null
  scene: string | null
  category_ids: string[]
  quantity: number
  /** the line's total in fen, after Medusa's own promotions */
  total: number
  /**
   * points-plus-cash goods ("¥59 + 2,000 points"): the points the whole line must be paid with
   * (points per unit × quantity). Such a line takes exactly these points, never more, never fewer,
   * whatever the scene's burn cap says.
   */
  fixed_points?: number
}

export type BenefitRule = {
  id: string
  scope_type: "scene" | "category" | "product"
  scope_value: string
  kind: "fixed_price" | "percent_off" | "amount_off"
  value: number
  cap: number | null
}

export type RightsErrorCode =
  | "insufficient_points"
  | "points_cap_exceeded"
  | "benefit_not_eligible"
  | "quota_exhausted"
  | "invalid_request"
  | "rights_changed"
  | "points_required"

export class RightsError extends Error {
  constructor(readonly code: RightsErrorCode, message: string) {
    super(message)
  }
}

const assertFen = (n: number, what: string) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer, got ${n}`)
}

export function lineMatches(rule: Pick<BenefitRule, "scope_type" | "scope_value">, line: RightsLine): boolean {
  if (rule.scope_type === "scene") return line.scene === rule.scope_value
  if (rule.scope_type === "category") return line.category_ids.includes(rule.scope_value)
  return line.product_id === rule.scope_value
}

/**
 * Splits `amount` over `weights` in proportion, largest remainder first (ties: earlier index), never
 * giving a part more than its capacity (default: its weight). Σ parts = amount exactly.
 */
export function allocate(amount: number, weights: number[], capacities: number[] = weights): number[] {
  assertFen(amount, "amount")
  const total = weights.reduce((s, w) => s + w, 0)
  const room = capacities.reduce((s, c) => s + c, 0)
  if (amount > room) throw new Error(`cannot allocate ${amount} into capacity ${room}`)
  if (amount === 0 || total === 0) {
    if (amount === 0) return weights.map(() => 0)
    // no weights: fill capacities in order
    let left = amount
    return capacities.map((c) => {
      const take = Math.min(c, left)
      left -= take
      return take
    })
  }
  const exact = weights.map((w) => (BigInt(amount) * BigInt(w)))
  const parts = exact.map((e, i) => Math.min(Number(e / BigInt(total)), capacities[i]))
  let left = amount - parts.reduce((s, p) => s + p, 0)
  const order = weights
    .map((_, i) => ({ i, rem: Number(exact[i] % BigInt(total)) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i)
  while (left > 0) {
    let moved = false
    for (const { i } of order) {
      if (left === 0) break
      if (parts[i] < capacities[i]) {
        parts[i]++
        left--
        moved = true
      }
    }
    if (!moved) throw new Error("allocation ran out of capacity")
  }
  return parts
}

/** What a benefit takes off these lines (fen, ≥ 0), and from which line. */
export function benefitDiscount(rule: BenefitRule, lines: RightsLine[]): { value: number; perLine: number[] } {
  const eligible = lines.map((l) => lineMatches(rule, l) && l.total > 0 && l.quantity > 0)
  const perLine = lines.map(() => 0)
  if (!eligible.some(Boolean)) return { value: 0, perLine }
  if (rule.kind === "fixed_price") {
    // one unit, the dearest eligible one, at the fixed price
    let best = -1
    let bestUnit = 0
    lines.forEach((l, i) => {
      if (!eligible[i]) return
      const unit = Math.ceil(l.total / l.quantity)
      if (unit > bestUnit) {
        best = i
        bestUnit = unit
      }
    })
    perLine[best] = Math.max(0, bestUnit - rule.value)
    return { value: perLine[best], perLine }
  }
  const weights = lines.map((l, i) => (eligible[i] ? l.total : 0))
  const base = weights.reduce((s, w) => s + w, 0)
  let value =
    rule.kind === "percent_off" ? Number((BigInt(base) * BigInt(rule.value)) / 10000n) : Math.min(rule.value, base)
  if (rule.kind === "percent_off" && rule.cap != null) value = Math.min(value, rule.cap)
  return { value, perLine: allocate(value, weights) }
}

/** Most points (= fen) the lines may take after benefits: each scene's share, rounded down per line. */
export function pointsCap(lines: RightsLine[], afterBenefit: number[], burnBps: (scene: string | null) => number): number[] {
  return lines.map((l, i) =>
    fixedPoints(l) > 0
      ? Math.min(fixedPoints(l) * FEN_PER_POINT, afterBenefit[i])
      : Number((BigInt(afterBenefit[i]) * BigInt(burnBps(l.scene))) / 10000n)
  )
}

const fixedPoints = (l: RightsLine) => (Number.isSafeInteger(l.fixed_points) && l.fixed_points! > 0 ? l.fixed_points! : 0)

/**
 * Points (fen) per line: points-plus-cash lines are paid first, each up to its fixed points (its
 * cap); whatever is left spreads over the other lines by their caps. Without points-plus-cash lines
 * this is `allocate(points, caps)`.
 */
export function allocatePoints(lines: RightsLine[], caps: number[], pointsValue: number): number[] {
  const fixedCaps = caps.map((c, i) => (fixedPoints(lines[i]) > 0 ? c : 0))
  const freeCaps = caps.map((c, i) => (fixedPoints(lines[i]) > 0 ? 0 : c))
  const fixedTotal = fixedCaps.reduce((s, c) => s + c, 0)
  const toFixed = Math.min(pointsValue, fixedTotal)
  const a = allocate(toFixed, fixedCaps)
  const b = allocate(pointsValue - toFixed, freeCaps)
  return a.map((v, i) => v + b[i])
}

export type RightsPlan = {
  benefit_value: number
  points: number
  points_value: number
  max_points: number
  /** points the cart's points-plus-cash goods must be paid with (0 without such goods) */
  min_points: number
  lines: Array<{ id: string; total: number; benefit_value: number; points_value: number; cash: number }>
  items_total: number
  cash_due: number
}

/**
 * The whole split for a cart or an order: benefit first, then points within the cap and the balance,
 * cash for the rest (shipping is always cash). Throws RightsError for a request that can't be met.
 */
export function planRights(input: {
  lines: RightsLine[]
  shipping: number
  benefit: BenefitRule | null
  points: number
  balance: number
  burnBps: (scene: string | null) => number
}): RightsPlan {
  const { lines, benefit } = input
  lines.forEach((l) => assertFen(l.total, "line total"))
  assertFen(input.shipping, "shipping")
  if (!Number.isSafeInteger(input.points) || input.points < 0) {
    throw new RightsError("invalid_request", "points must be a whole, non-negative number.")
  }
  const discount = benefit ? benefitDiscount(benefit, lines) : { value: 0, perLine: lines.map(() => 0) }
  if (benefit && discount.value === 0) {
    throw new RightsError("benefit_not_eligible", "This benefit does not apply to anything in the cart.")
  }
  const afterBenefit = lines.map((l, i) => l.total - discount.perLine[i])
  const caps = pointsCap(lines, afterBenefit, input.burnBps)
  const maxPoints = caps.reduce((s, c) => s + c, 0) / FEN_PER_POINT
  const minPoints = caps.reduce((s, c, i) => s + (fixedPoints(lines[i]) > 0 ? c : 0), 0) / FEN_PER_POINT
  if (input.points > input.balance) {
    throw new RightsError("insufficient_points", `You have ${input.balance} points; ${input.points} were asked for.`)
  }
  if (input.points > maxPoints) {
    throw new RightsError("points_cap_exceeded", `At most ${maxPoints} points can be used on this cart.`)
  }
  const pointsValue = input.points * FEN_PER_POINT
  const pointsPerLine = allocatePoints(lines, caps, pointsValue)
  const planned = lines.map((l, i) => ({
    id: l.id,
    total: l.total,
    benefit_value: discount.perLine[i],
    points_value: pointsPerLine[i],
    cash: afterBenefit[i] - pointsPerLine[i],
  }))
  const itemsTotal = lines.reduce((s, l) => s + l.total, 0)
  return {
    benefit_value: discount.value,
    points: input.points,
    points_value: pointsValue,
    max_points: maxPoints,
    min_points: minPoints,
    lines: planned,
    items_total: itemsTotal,
    cash_due: itemsTotal + input.shipping - discount.value - pointsValue,
  }
}

/**
 * A points-plus-cash cart must be paid with exactly its goods' points: fewer is refused here (more
 * is already refused by the cap). The apply route and the completion check call it; a plan that only
 * shows what could be applied does not.
 */
export function assertRequiredPoints(plan: RightsPlan): void {
  if (plan.points < plan.min_points) {
    throw new RightsError("points_required", `The points-plus-cash goods in this cart must be paid with ${plan.min_points} points; ${plan.points} were applied.`)
  }
}

/** The k-th unit's (0-based) share of a line part: the remainder fen go to the first units. */
export function unitShare(part: number, quantity: number, k: number): number {
  assertFen(part, "part")
  if (!Number.isSafeInteger(quantity) || quantity <= 0 || k < 0 || k >= quantity) throw new Error("unit out of range")
  return Math.floor(part / quantity) + (k < part % quantity ? 1 : 0)
}

/** share × numerator / denominator, rounded down (the customer never gets more than was paid). */
export function proRata(share: number, numerator: number, denominator: number): number {
  assertFen(share, "share")
  if (denominator <= 0 || numerator < 0 || numerator > denominator) throw new Error("bad fraction")
  return Number((BigInt(share) * BigInt(numerator)) / BigInt(denominator))
}

/** Points earned for cash paid: 1 point per whole yuan. */
export function pointsEarned(cashFen: number): number {
  assertFen(cashFen, "cash")
  return Math.floor((cashFen * EARN_POINTS_PER_YUAN) / 100)
}

/** Earned points to take back once `refundedCash` of `paidCash` is refunded (cumulative, rounded down). */
export function clawbackTarget(earned: number, refundedCash: number, paidCash: number): number {
  if (paidCash === 0) return 0
  return refundedCash >= paidCash ? earned : Number((BigInt(earned) * BigInt(refundedCash)) / BigInt(paidCash))
}
