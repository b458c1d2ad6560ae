import type { BenefitKind, BenefitProgram, BenefitProgramCreate, BenefitProgramUpdate, Funder, ProgramStatus, QuotaPeriod, ScopeType } from "./rights-api"
import { shanghaiDay, startOfShanghaiDay } from "./shanghai-date"
import { WEEKDAYS } from "./store-hours"
import { formatFen, yuanToFen } from "./yuan"

// The benefit program form: what the operator edits (strings, yuan, Shanghai calendar days) and how
// it becomes the API's input. Pure, so the rules live in one place.
//
// A program runs from 00:00 on its first day to the end of its last day (Asia/Shanghai, the
// platform's business day). The server treats ends_at as exclusive, so the last day is sent as
// 00:00 of the day after it.

export const SCENES = [
  { handle: "meal", zh: "美食", en: "Meal" },
  { handle: "movie", zh: "電影", en: "Movie" },
  { handle: "mall", zh: "商城", en: "Mall" },
  { handle: "travel", zh: "旅遊", en: "Travel" },
] as const

export const SCOPE_TYPES: { value: ScopeType; label: string }[] = [
  { value: "scene", label: "Scene 場景" },
  { value: "category", label: "Category 類目" },
  { value: "product", label: "Product 商品" },
]

export const KINDS: { value: BenefitKind; label: string; hint: string }[] = [
  { value: "fixed_price", label: "Fixed price 一口價", hint: "The item costs this much, e.g. ¥9.9" },
  { value: "percent_off", label: "Percent off 折扣", hint: "This percentage off, optionally capped" },
  { value: "amount_off", label: "Amount off 立減", hint: "This many yuan off the item" },
]

export const PERIODS: { value: QuotaPeriod; label: string; per: string }[] = [
  { value: "day", label: "Day 每日", per: "day" },
  { value: "week", label: "Week 每週", per: "week" },
  { value: "month", label: "Month 每月", per: "month" },
]

export const FUNDERS: { value: Funder; label: string }[] = [
  { value: "platform", label: "Platform 平台" },
  { value: "merchant", label: "Merchant 商戶" },
]

export type BenefitFormValues = {
  name: string
  description: string
  customer_group_id: string
  scope_type: ScopeType
  scope_value: string
  kind: BenefitKind
  value: string
  cap: string
  quota: string
  quota_period: QuotaPeriod
  funder: Funder
  /** ISO weekdays; empty = every day */
  weekdays: number[]
  first_day: string
  last_day: string
  status: ProgramStatus
}

export type BenefitFormErrors = Partial<Record<keyof BenefitFormValues, string>>

const DAY = /^\d{4}-\d{2}-\d{2}$/
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/

/** "2026-12-31" → "2027-01-01" (calendar arithmetic on the date alone). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/** The last Shanghai day a program applies on, from its exclusive end instant; "" for none. */
export function lastDayOf(endsAt: string | null | undefined): string {
  if (!endsAt) return ""
  return shanghaiDay(new Date(new Date(endsAt).getTime() - 1).toISOString())
}

export function benefitFormValues(p?: BenefitProgram): BenefitFormValues {
  return {
    name: p?.name ?? "",
    description: p?.description ?? "",
    customer_group_id: p?.customer_group_id ?? "",
    scope_type: p?.scope_type ?? "scene",
    scope_value: p?.scope_value ?? "",
    kind: p?.kind ?? "fixed_price",
    value: p ? String(p.value) : "",
    cap: p?.cap != null ? String(p.cap) : "",
    quota: p ? String(p.quota) : "1",
    quota_period: p?.quota_period ?? "month",
    funder: p?.funder ?? "platform",
    weekdays: p?.weekdays ? [...p.weekdays] : [],
    first_day: shanghaiDay(p?.starts_at),
    last_day: lastDayOf(p?.ends_at),
    status: p?.status ?? "active",
  }
}

/** 12.5 for "12.5"; null unless above 0 and at most 100 with at most 2 decimals. */
export function parsePercent(input: string, { allowZero = false } = {}): number | null {
  const m = PERCENT.exec(input.trim().replace(/%$/, ""))
  if (!m) return null
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"))
  if (bps > 10000 || (!allowZero && bps === 0)) return null
  return bps / 100
}

/** Errors to show beside the fields; `mode` "edit" checks only what can still change. */
export function validateBenefitForm(v: BenefitFormValues, mode: "create" | "edit"): BenefitFormErrors {
  const errors: BenefitFormErrors = {}
  if (!v.name.trim()) errors.name = "Name is required"
  else if (v.name.trim().length > 120) errors.name = "At most 120 characters"
  if (v.description.length > 1000) errors.description = "At most 1000 characters"
  const quota = /^\d{1,5}$/.test(v.quota.trim()) ? Number(v.quota.trim()) : NaN
  if (!(quota >= 1 && quota <= 10000)) errors.quota = "A whole number from 1 to 10,000"
  if (v.first_day && !DAY.test(v.first_day)) errors.first_day = "Pick a day"
  if (v.last_day && !DAY.test(v.last_day)) errors.last_day = "Pick a day"
  else if (v.first_day && v.last_day && v.last_day < v.first_day) errors.last_day = "The last day cannot be before the first"
  if (mode === "edit") return errors

  if (!v.customer_group_id) errors.customer_group_id = "Choose the customer group (card tier) that gets it"
  if (!v.scope_value.trim()) {
    errors.scope_value = v.scope_type === "scene" ? "Choose a scene" : v.scope_type === "category" ? "Choose a category" : "Choose a product"
  }
  if (v.kind === "percent_off") {
    if (parsePercent(v.value) === null) errors.value = "A percentage above 0 and at most 100, e.g. 10 or 12.5"
    if (v.cap.trim()) {
      const cap = yuanToFen(v.cap)
      if (cap === null || cap <= 0) errors.cap = "An amount in yuan above 0 with at most 2 decimals, or leave empty for no cap"
    }
  } else {
    const fen = yuanToFen(v.value)
    if (fen === null || fen <= 0) errors.value = "An amount in yuan above 0 with at most 2 decimals, e.g. 9.9"
  }
  return errors
}

const startsAt = (day: string) => (day ? startOfShanghaiDay(day) : null)
const endsAt = (day: string) => (day ? startOfShanghaiDay(nextDay(day)) : null)
const sortedWeekdays = (w: number[]) => (w.length && w.length < 7 ? [...w].sort((a, b) => a - b) : null)
const clean = (s: string) => s.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "").replace(/%$/, "")

/** The create request for a valid form (validateBenefitForm(v, "create") found nothing). */
export function benefitFormToCreate(v: BenefitFormValues): BenefitProgramCreate {
  return {
    name: v.name.trim(),
    description: v.description.trim() || null,
    customer_group_id: v.customer_group_id,
    scope_type: v.scope_type,
    scope_value: v.scope_value.trim(),
    kind: v.kind,
    value: clean(v.value),
    ...(v.kind === "percent_off" ? { cap: v.cap.trim() ? clean(v.cap) : null } : {}),
    quota: Number(v.quota.trim()),
    quota_period: v.quota_period,
    funder: v.funder,
    weekdays: sortedWeekdays(v.weekdays),
    starts_at: startsAt(v.first_day),
    ends_at: endsAt(v.last_day),
    status: v.status,
  }
}

/**
 * The update request for a valid edit form. Dates go only when their day changed, so a program
 * created through the API with an end at, say, 18:00 keeps it unless the operator moves the day.
 */
export function benefitFormToUpdate(v: BenefitFormValues, original: BenefitProgram): BenefitProgramUpdate {
  const before = benefitFormValues(original)
  return {
    name: v.name.trim(),
    description: v.description.trim() || null,
    quota: Number(v.quota.trim()),
    weekdays: sortedWeekdays(v.weekdays),
    status: v.status,
    ...(v.first_day !== before.first_day ? { starts_at: startsAt(v.first_day) } : {}),
    ...(v.last_day !== before.last_day ? { ends_at: endsAt(v.last_day) } : {}),
  }
}

/** 61.6 (yuan, as the API answers) → "¥61.60", through the string form: no float arithmetic. */
export function formatYuan(yuan: number): string {
  const fen = yuanToFen(String(yuan))
  return fen === null ? `¥${yuan}` : formatFen(fen)
}

/** "¥9.90", "10% off, up to ¥20.00", "¥5.00 off". */
export function describeValue(p: Pick<BenefitProgram, "kind" | "value" | "cap">): string {
  if (p.kind === "fixed_price") return `${formatYuan(p.value)} fixed price`
  if (p.kind === "amount_off") return `${formatYuan(p.value)} off`
  return `${p.value}% off${p.cap != null ? `, up to ${formatYuan(p.cap)}` : ""}`
}

/** "Wed 三", "Mon, Fri 一、五", or "Every day 每天". */
export function describeWeekdays(weekdays: number[] | null | undefined): string {
  if (!weekdays?.length || weekdays.length === 7) return "Every day 每天"
  const days = WEEKDAYS.filter((d) => weekdays.includes(Number(d.key)))
  return `${days.map((d) => d.short).join(", ")} 週${days.map((d) => d.zh).join("、")}`
}

/** "2026-12-01 → 2027-01-31", "from 2026-12-01", "until …", or "Always 長期". */
export function describeWindow(p: Pick<BenefitProgram, "starts_at" | "ends_at">): string {
  const first = shanghaiDay(p.starts_at)
  const last = lastDayOf(p.ends_at)
  if (first && last) return `${first} → ${last}`
  if (first) return `from ${first}`
  if (last) return `until ${last}`
  return "Always 長期"
}

export const periodLabel = (period: QuotaPeriod) => PERIODS.find((x) => x.value === period)?.per ?? period

/** Whether a program applies today on the Shanghai calendar, judging by status and window only. */
export function programState(p: Pick<BenefitProgram, "status" | "starts_at" | "ends_at">, now = new Date()): "active" | "paused" | "scheduled" | "ended" {
  if (p.status === "paused") return "paused"
  if (p.starts_at && new Date(p.starts_at) > now) return "scheduled"
  if (p.ends_at && new Date(p.ends_at) <= now) return "ended"
  return "active"
}
