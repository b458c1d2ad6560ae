// Voucher validity windows are whole Asia/Shanghai calendar days (the platform's business day):
// "valid from 2026-12-01 to 2027-01-31" means 00:00:00 on the first day to 23:59:59 on the last.

const OFFSET_MS = 8 * 60 * 60 * 1000

export const startOfShanghaiDay = (day: string) => `${day}T00:00:00+08:00`
export const endOfShanghaiDay = (day: string) => `${day}T23:59:59+08:00`

/** ISO instant → its "YYYY-MM-DD" on the Shanghai calendar; "" for nothing. */
export function shanghaiDay(iso: string | null | undefined): string {
  if (!iso) return ""
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 10)
}
