import type { Locale } from "@/lib/i18n/translate"

const TZ = "Asia/Shanghai"

/** "19:30" in Shanghai time. */
export function showTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TZ }).format(new Date(iso))
}

/** "12月1日 週二" / "Tue, Dec 1" */
export function showDay(isoDay: string, locale: Locale): string {
  const d = new Date(`${isoDay}T12:00:00+08:00`)
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", weekday: "short", timeZone: TZ }).format(d)
}

export function showDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TZ }).format(new Date(iso))
}

/** Today's "YYYY-MM-DD" in Shanghai. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** Sum of prices in yuan without float drift: through fen. */
export function sumYuan(prices: number[]): number {
  return prices.reduce((s, p) => s + Math.round(p * 100), 0) / 100
}
