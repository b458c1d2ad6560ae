// Opening hours of a store, stored as { "1": ["10:00-22:00"], …, "7": [] } (ISO weekdays,
// 1 = Monday; [] = closed; a missing day = not stated). The editor shows one text box per day.

export const WEEKDAYS = [
  { key: "1", short: "Mon", zh: "一" },
  { key: "2", short: "Tue", zh: "二" },
  { key: "3", short: "Wed", zh: "三" },
  { key: "4", short: "Thu", zh: "四" },
  { key: "5", short: "Fri", zh: "五" },
  { key: "6", short: "Sat", zh: "六" },
  { key: "7", short: "Sun", zh: "日" },
] as const

export type WeekdayKey = (typeof WEEKDAYS)[number]["key"]
export type StoreHours = Partial<Record<WeekdayKey, string[]>>
export type HoursText = Record<WeekdayKey, string>

const RANGE = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/
const NAMES: Record<string, WeekdayKey[]> = {
  mon: ["1"], tue: ["2"], wed: ["3"], thu: ["4"], fri: ["5"], sat: ["6"], sun: ["7"],
  mon_fri: ["1", "2", "3", "4", "5"], weekdays: ["1", "2", "3", "4", "5"],
  sat_sun: ["6", "7"], weekends: ["6", "7"], mon_sun: ["1", "2", "3", "4", "5", "6", "7"], daily: ["1", "2", "3", "4", "5", "6", "7"],
}

export const emptyHoursText = (): HoursText => ({ "1": "", "2": "", "3": "", "4": "", "5": "", "6": "", "7": "" })

function rangesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string")
  if (typeof value === "string") return value.split(/[,;]/).map((v) => v.trim()).filter(Boolean)
  return []
}

/**
 * Stored hours → one text per day ("11:00-14:00, 17:00-22:00"). Also reads shorthand keys such as
 * { mon_sun: "10:30-22:00" } so stores created by scripts can be edited here.
 */
export function hoursToText(hours: unknown): HoursText {
  const text = emptyHoursText()
  if (!hours || typeof hours !== "object") return text
  for (const [key, value] of Object.entries(hours as Record<string, unknown>)) {
    const days: WeekdayKey[] = WEEKDAYS.some((d) => d.key === key) ? [key as WeekdayKey] : NAMES[key.toLowerCase()] ?? []
    for (const day of days) text[day] = rangesOf(value).join(", ")
  }
  return text
}

/** Editor texts → stored hours, or the days whose text is not a list of HH:MM-HH:MM ranges. */
export function textToHours(text: HoursText): { hours: StoreHours | null } | { invalidDays: WeekdayKey[] } {
  const hours: StoreHours = {}
  const invalidDays: WeekdayKey[] = []
  let any = false
  for (const { key } of WEEKDAYS) {
    const ranges = text[key].split(/[,;，]/).map((r) => r.trim().replace(/\s*[–~]\s*|\s+-\s+/g, "-")).filter(Boolean)
    if (ranges.length) any = true
    if (ranges.some((r) => !RANGE.test(r)) || ranges.length > 4) invalidDays.push(key)
    hours[key] = ranges
  }
  if (invalidDays.length) return { invalidDays }
  return { hours: any ? hours : null }
}

/** "Mon–Fri 10:00-22:00 · Sat–Sun 09:00-23:00" style summary for tables. */
export function summarizeHours(hours: unknown): string {
  const text = hoursToText(hours)
  const parts: string[] = []
  let i = 0
  while (i < WEEKDAYS.length) {
    let j = i
    while (j + 1 < WEEKDAYS.length && text[WEEKDAYS[j + 1].key] === text[WEEKDAYS[i].key]) j++
    const value = text[WEEKDAYS[i].key]
    if (value) parts.push(`${WEEKDAYS[i].short}${j > i ? `–${WEEKDAYS[j].short}` : ""} ${value}`)
    i = j + 1
  }
  return parts.join(" · ")
}
