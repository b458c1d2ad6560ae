import { allocate, allocatePoints, BenefitRule, lineMatches, pointsCap, pointsEarned, RightsLine } from "./rules"

export type LineFunding = { line_item_id: string; quantity: number; total: number; cash: number; points_value: number; benefit_value: number }

/**
 * Splits what an order took in benefits and points over its lines, the same way the cart planned
 * them: a fixed-price benefit sits on the dearest eligible line, other benefits spread over eligible
 * lines by amount; points spread by each line's points cap (or, without caps, what is left of it).
 */
export function splitOrderFunding(input: {
  lines: RightsLine[]
  shipping: number
  benefit: Pick<BenefitRule, "scope_type" | "scope_value" | "kind"> | null
  benefit_value: number
  points_value: number
  burnBps: (scene: string | null) => number
}): { lines: LineFunding[]; cash_paid: number; earn: number } {
  const { lines } = input
  const benefitPerLine = lines.map(() => 0)
  if (input.benefit && input.benefit_value > 0) {
    const eligible = lines.map((l) => lineMatches(input.benefit!, l) && l.total > 0)
    if (input.benefit.kind === "fixed_price") {
      let best = -1
      lines.forEach((l, i) => {
        if (eligible[i] && (best < 0 || Math.ceil(l.total / l.quantity) > Math.ceil(lines[best].total / lines[best].quantity))) best = i
      })
      if (best >= 0 && input.benefit_value <= lines[best].total) benefitPerLine[best] = input.benefit_value
      else allocate(input.benefit_value, lines.map((l) => l.total)).forEach((v, i) => (benefitPerLine[i] = v))
    } else {
      const weights = lines.map((l, i) => (eligible[i] ? l.total : 0))
      allocate(input.benefit_value, weights.some((w) => w > 0) ? weights : lines.map((l) => l.total), lines.map((l) => l.total))
        .forEach((v, i) => (benefitPerLine[i] = v))
    }
  }
  const after = lines.map((l, i) => l.total - benefitPerLine[i])
  // points-plus-cash lines take their fixed points first, as the cart planned them
  const caps = pointsCap(lines, after, input.burnBps)
  const capTotal = caps.reduce((s, c) => s + c, 0)
  // the cart planned points within the caps; fall back to what is left of each line if rules changed since
  const points = capTotal >= input.points_value ? allocatePoints(lines, caps, input.points_value) : allocate(input.points_value, after, after)
  const funded = lines.map((l, i) => ({
    line_item_id: l.id,
    quantity: l.quantity,
    total: l.total,
    benefit_value: benefitPerLine[i],
    points_value: points[i],
    cash: after[i] - points[i],
  }))
  const cashPaid = funded.reduce((s, f) => s + f.cash, 0) + input.shipping
  return { lines: funded, cash_paid: cashPaid, earn: pointsEarned(cashPaid) }
}
