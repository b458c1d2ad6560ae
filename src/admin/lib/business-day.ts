// Settlement runs per business day: the Asia/Shanghai calendar day (UTC+8, no daylight saving).
const OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** "YYYY-MM-DD" of the Shanghai day `daysAgo` days before now (0 = today, 1 = yesterday). */
export function shanghaiBusinessDay(daysAgo = 0, now = Date.now()): string {
  return new Date(now + OFFSET_MS - daysAgo * DAY_MS).toISOString().slice(0, 10)
}

/** A real calendar day written "YYYY-MM-DD". */
export function isBusinessDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}
