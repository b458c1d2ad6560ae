// Business days, quota periods and points expiry follow the Asia/Shanghai calendar (UTC+8, no DST).
const OFFSET_MS = 8 * 60 * 60 * 1000

/** The wall-clock parts of `at` in Asia/Shanghai. */
export function shanghaiParts(at: Date) {
  const d = new Date(at.getTime() + OFFSET_MS)
  const isoWeekday = ((d.getUTCDay() + 6) % 7) + 1 // 1 = Monday … 7 = Sunday
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), isoWeekday }
}

const pad = (n: number) => String(n).padStart(2, "0")

/** "YYYY-MM-DD" of the Asia/Shanghai calendar day `at` falls on. */
export function shanghaiDate(at: Date): string {
  const p = shanghaiParts(at)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** ISO 8601 week of the Shanghai day, e.g. "2026-W48" (the year is the week-numbering year). */
export function shanghaiIsoWeek(at: Date): string {
  const p = shanghaiParts(at)
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day))
  day.setUTCDate(day.getUTCDate() + 4 - p.isoWeekday) // the Thursday of this week decides the year
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1))
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86400000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${pad(week)}`
}

/** The instant a Shanghai calendar date starts. */
export function shanghaiMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS)
}

/** Points earned at `at` expire when the year after it ends (Shanghai): 2026-05-01 → 2028-01-01T00:00+08:00. */
export function pointsExpiryFor(at: Date): Date {
  return shanghaiMidnight(shanghaiParts(at).year + 2, 1, 1)
}
