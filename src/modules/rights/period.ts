import { shanghaiDate, shanghaiIsoWeek } from "../../lib/shanghai-time"

export type QuotaPeriod = "day" | "week" | "month"

/** The quota bucket `at` falls in, on the Asia/Shanghai calendar. */
export function periodKey(period: QuotaPeriod, at: Date): string {
  if (period === "day") return shanghaiDate(at)
  if (period === "week") return shanghaiIsoWeek(at)
  return shanghaiDate(at).slice(0, 7)
}
