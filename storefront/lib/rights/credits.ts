// Rights ride on Medusa credit lines (reference "rights_points" / "rights_benefit"): the cart's and
// the order's `total` is then the cash part. These only read what the backend recorded.

type CreditLine = { reference?: string | null; amount?: unknown; metadata?: Record<string, unknown> | null }
type WithCredits = { credit_lines?: (CreditLine | null)[] | null }

const yuan = (v: unknown): number => {
  const raw = typeof v === "object" && v !== null ? ((v as { numeric?: unknown }).numeric ?? (v as { value?: unknown }).value) : v
  const n = Number(raw)
  return Number.isFinite(n) ? n : 0
}

/** Points value and benefit value (yuan) and the points used, from the credit lines. */
export function rightsCredits(holder: unknown): { points: number; benefit: number; pointsUsed: number; any: boolean } {
  const lines = ((holder as WithCredits)?.credit_lines ?? []).filter((c): c is CreditLine => Boolean(c))
  let points = 0
  let benefit = 0
  let pointsUsed = 0
  for (const c of lines) {
    if (c.reference === "rights_points") {
      points += yuan(c.amount)
      const used = Number(c.metadata?.points)
      if (Number.isSafeInteger(used)) pointsUsed += used
    } else if (c.reference === "rights_benefit") {
      benefit += yuan(c.amount)
    }
  }
  // sums of yuan with two decimals: round back to the fen for display
  points = Math.round(points * 100) / 100
  benefit = Math.round(benefit * 100) / 100
  return { points, benefit, pointsUsed, any: points > 0 || benefit > 0 }
}
