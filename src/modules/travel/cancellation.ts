import { shanghaiDate } from "../../lib/shanghai-time"

/**
 * Cancellation tiers: the share of the price refunded by how many Asia/Shanghai calendar days are
 * left before the departure day. A tier applies from `min_days` days before departure upwards; the
 * most generous tier whose threshold is met wins.
 */
export type CancellationTier = { min_days: number; percent: number }

export const DEFAULT_CANCELLATION_TIERS: CancellationTier[] = [
  { min_days: 30, percent: 100 },
  { min_days: 7, percent: 50 },
  { min_days: 0, percent: 0 },
]

const dayNumber = (ymd: string) => {
  const [y, m, d] = ymd.split("-").map(Number)
  return Date.UTC(y, m - 1, d) / 86_400_000
}

/** Calendar days from the Shanghai day `now` falls on to the departure date ("YYYY-MM-DD"). */
export function daysBeforeDeparture(departureDate: string, now: Date): number {
  return dayNumber(departureDate) - dayNumber(shanghaiDate(now))
}

export function normaliseTiers(tiers: CancellationTier[] | null | undefined): CancellationTier[] {
  const list = (tiers?.length ? tiers : DEFAULT_CANCELLATION_TIERS).map((t) => ({ min_days: Math.trunc(t.min_days), percent: Math.trunc(t.percent) }))
  return list.sort((a, b) => b.min_days - a.min_days)
}

/** Percent refunded `days` days before departure (0 when no tier reaches that far). */
export function refundPercent(tiers: CancellationTier[] | null | undefined, days: number): number {
  for (const t of normaliseTiers(tiers)) if (days >= t.min_days) return t.percent
  return 0
}

/** Fen refunded for a place paid `paidFen`: rounded down; the odd fen stays with the operator. */
export function tierRefundFen(paidFen: number, percent: number): number {
  if (!Number.isSafeInteger(paidFen) || paidFen < 0) throw new Error("paid must be integer fen")
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new Error("percent must be 0..100")
  return Math.floor((paidFen * percent) / 100)
}

export function validateTiers(tiers: CancellationTier[]): string | null {
  const seen = new Set<number>()
  for (const t of tiers) {
    if (!Number.isInteger(t.min_days) || t.min_days < 0 || t.min_days > 365) return "min_days must be a whole number of days 0–365"
    if (!Number.isInteger(t.percent) || t.percent < 0 || t.percent > 100) return "percent must be a whole number 0–100"
    if (seen.has(t.min_days)) return "each min_days may appear once"
    seen.add(t.min_days)
  }
  const sorted = [...tiers].sort((a, b) => b.min_days - a.min_days)
  for (let i = 1; i < sorted.length; i++) if (sorted[i].percent > sorted[i - 1].percent) return "a later cancellation cannot refund more than an earlier one"
  return null
}
