import type { MessageKey, TFunction } from "@/lib/i18n/translate"

const CODE_KEYS: Record<string, MessageKey> = {
  insufficient_points: "rights.errors.insufficient_points",
  points_cap_exceeded: "rights.errors.points_cap_exceeded",
  benefit_not_eligible: "rights.errors.benefit_not_eligible",
  quota_exhausted: "rights.errors.quota_exhausted",
  invalid_request: "rights.errors.invalid_request",
  rights_changed: "rights.errors.rights_changed",
  points_required: "rights.errors.points_required",
}

/** The shopper's words for a rights refusal, chosen by the backend's machine `code`. */
export function rightsErrorText(code: string | undefined, t: TFunction, message?: string): string {
  const key = code ? CODE_KEYS[code] : undefined
  if (key) return t(key)
  return t("rights.errors.failed", { message: message || "—" })
}

export function isRightsCode(code: string | undefined): boolean {
  return Boolean(code && CODE_KEYS[code])
}

/** "周三" / "Wed" lists for a benefit's ISO weekdays (1 = Monday). */
export function weekdayList(days: number[], t: TFunction): string {
  const names = [...days].sort((a, b) => a - b).map((d) => t(`rights.weekday.${d}` as MessageKey))
  return names.join(t("rights.weekdaySeparator"))
}

/** Today's ISO weekday in Asia/Shanghai, the business calendar the backend uses. */
export function shanghaiWeekday(now = new Date()): number {
  const name = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "Asia/Shanghai" }).format(now)
  return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(name) + 1
}

/** Points as people read them: 20,000. */
export function formatPoints(points: number, locale: string): string {
  return new Intl.NumberFormat(locale === "zh-CN" ? "zh-CN" : "en-US", { maximumFractionDigits: 0 }).format(points)
}
