import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from "./shanghai-date"
import type { RefundPolicy, VoucherKind, VoucherTemplate, VoucherTemplateInput } from "./voucher-templates-api"
import { fenToYuanInput, yuanToFen } from "./yuan"

// The product widget's form for a voucher template: what the operator edits (strings, yuan, dates)
// and how it becomes the API's input (integer fen, ISO instants). Pure, so the rules live in one place.

export const MAX_FACE_VALUE_FEN = 1_000_000_000

export type TemplateFormValues = {
  merchant_id: string
  title: string
  kind: VoucherKind
  face_value_yuan: string
  usage: "single_use" | "stored_value"
  validity_type: "fixed" | "days_after_purchase"
  valid_from_day: string
  valid_until_day: string
  valid_days: string
  allowed_store_ids: string[]
  allowed_weekdays: number[]
  refund_policy: RefundPolicy
  auto_refund_on_expiry: boolean
}

export type TemplateFormErrors = Partial<Record<keyof TemplateFormValues, string>>

export function templateFormValues(t: VoucherTemplate | undefined, defaults: { title: string; kind: VoucherKind }): TemplateFormValues {
  return {
    merchant_id: t?.merchant_id ?? "",
    title: t?.title ?? defaults.title,
    kind: t?.kind ?? defaults.kind,
    face_value_yuan: t ? fenToYuanInput(t.face_value) : "",
    usage: t?.usage ?? "single_use",
    validity_type: t?.validity_type ?? "days_after_purchase",
    valid_from_day: shanghaiDay(t?.valid_from),
    valid_until_day: shanghaiDay(t?.valid_until),
    valid_days: t?.valid_days != null ? String(t.valid_days) : "90",
    allowed_store_ids: t?.allowed_store_ids ?? [],
    allowed_weekdays: t?.allowed_weekdays ?? [],
    refund_policy: t?.refund_policy ?? "refundable_unused",
    auto_refund_on_expiry: t?.auto_refund_on_expiry ?? false,
  }
}

/** Validated API input, or the errors to show beside the fields. */
export function templateFormToInput(variantId: string, v: TemplateFormValues): { input: VoucherTemplateInput } | { errors: TemplateFormErrors } {
  const errors: TemplateFormErrors = {}
  if (!v.merchant_id) errors.merchant_id = "Choose the merchant that honours this voucher"
  if (!v.title.trim()) errors.title = "Title is required"
  const fen = yuanToFen(v.face_value_yuan)
  if (fen === null) errors.face_value_yuan = "An amount in yuan with at most 2 decimals, e.g. 100 or 88.50"
  else if (fen <= 0) errors.face_value_yuan = "Face value must be more than ¥0"
  else if (fen > MAX_FACE_VALUE_FEN) errors.face_value_yuan = "Face value is at most ¥10,000,000"

  let validity: Pick<VoucherTemplateInput, "valid_from" | "valid_until" | "valid_days"> = { valid_from: null, valid_until: null, valid_days: null }
  if (v.validity_type === "days_after_purchase") {
    const days = /^\d{1,4}$/.test(v.valid_days.trim()) ? Number(v.valid_days.trim()) : NaN
    if (!(days >= 1 && days <= 3650)) errors.valid_days = "A whole number of days from 1 to 3650"
    else validity = { ...validity, valid_days: days }
  } else {
    const day = /^\d{4}-\d{2}-\d{2}$/
    if (!day.test(v.valid_from_day)) errors.valid_from_day = "Pick the first day"
    if (!day.test(v.valid_until_day)) errors.valid_until_day = "Pick the last day"
    else if (day.test(v.valid_from_day) && v.valid_until_day < v.valid_from_day) errors.valid_until_day = "The last day cannot be before the first"
    validity = { valid_from: startOfShanghaiDay(v.valid_from_day), valid_until: endOfShanghaiDay(v.valid_until_day), valid_days: null }
  }
  if (Object.keys(errors).length) return { errors }
  return {
    input: {
      product_variant_id: variantId,
      merchant_id: v.merchant_id,
      kind: v.kind,
      title: v.title.trim(),
      face_value: fen as number,
      usage: v.usage,
      validity_type: v.validity_type,
      ...validity,
      allowed_store_ids: v.allowed_store_ids,
      allowed_weekdays: [...v.allowed_weekdays].sort((a, b) => a - b),
      refund_policy: v.refund_policy,
      auto_refund_on_expiry: v.refund_policy === "non_refundable" ? false : v.auto_refund_on_expiry,
    },
  }
}

export const KIND_LABELS: Record<VoucherKind, string> = { meal: "Meal 美食", movie: "Movie 電影", travel: "Travel 旅遊", mall: "Mall 商城" }
export const REFUND_LABELS: Record<RefundPolicy, string> = {
  refundable: "Refundable, also when partly used 可退（含部分使用）",
  refundable_unused: "Refundable while unused 未使用可退",
  non_refundable: "Non-refundable 不可退",
}
