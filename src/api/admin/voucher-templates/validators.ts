import { z } from "@medusajs/framework/zod"

// Voucher templates speak integer fen, like the model, the terminal API and the ledger: a face value
// is a voucher property the terminal shows, not a Medusa price. The admin widget converts ¥ → fen.
export const MAX_FACE_VALUE_FEN = 1_000_000_000 // ¥10,000,000

const id = (field: string) => z.string({ error: `${field} must be a string` }).trim().min(1, `${field} is required`).max(100)
const instant = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO 8601 date-time such as 2026-12-31T23:59:59+08:00` })
    .transform((v) => new Date(v))
    .nullish()

export const AdminUpsertVoucherTemplate = z
  .object({
    product_variant_id: id("product_variant_id"),
    merchant_id: id("merchant_id"),
    kind: z.enum(["meal", "movie", "travel", "mall"]),
    title: z.string({ error: "title must be a string" }).trim().min(1, "title is required").max(200, "title is at most 200 characters"),
    face_value: z
      .number({ error: "face_value must be an integer number of fen (¥100 → 10000)" })
      .int("face_value must be an integer number of fen (¥100 → 10000)")
      .positive("face_value must be greater than 0")
      .max(MAX_FACE_VALUE_FEN, "face_value is at most ¥10,000,000"),
    currency_code: z.literal("cny", { error: "currency_code must be cny" }).default("cny"),
    usage: z.enum(["single_use", "stored_value"]),
    validity_type: z.enum(["fixed", "days_after_purchase"]),
    valid_from: instant("valid_from"),
    valid_until: instant("valid_until"),
    valid_days: z
      .number({ error: "valid_days must be a whole number of days" })
      .int("valid_days must be a whole number of days")
      .min(1, "valid_days must be between 1 and 3650")
      .max(3650, "valid_days must be between 1 and 3650")
      .nullish(),
    allowed_store_ids: z.array(id("allowed_store_ids[]")).max(500).default([]),
    allowed_weekdays: z
      .array(z.number({ error: "allowed_weekdays are ISO weekdays 1 (Monday) … 7 (Sunday)" }).int().min(1, "allowed_weekdays are 1 … 7").max(7, "allowed_weekdays are 1 … 7"))
      .max(7)
      .default([]),
    refund_policy: z.enum(["refundable", "refundable_unused", "non_refundable"]).default("refundable_unused"),
    auto_refund_on_expiry: z.boolean().default(false),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.validity_type === "days_after_purchase") {
      if (t.valid_days == null) ctx.addIssue({ code: "custom", path: ["valid_days"], message: "valid_days (1-3650) is required when validity_type is days_after_purchase" })
      if (t.valid_from != null || t.valid_until != null) {
        ctx.addIssue({ code: "custom", path: ["valid_from"], message: "valid_from and valid_until apply only when validity_type is fixed" })
      }
    } else {
      if (t.valid_from == null || t.valid_until == null) {
        ctx.addIssue({ code: "custom", path: ["valid_until"], message: "valid_from and valid_until are required when validity_type is fixed" })
      } else if (t.valid_until <= t.valid_from) {
        ctx.addIssue({ code: "custom", path: ["valid_until"], message: "valid_until must be after valid_from" })
      }
      if (t.valid_days != null) ctx.addIssue({ code: "custom", path: ["valid_days"], message: "valid_days applies only when validity_type is days_after_purchase" })
    }
    if (t.auto_refund_on_expiry && t.refund_policy === "non_refundable") {
      ctx.addIssue({ code: "custom", path: ["auto_refund_on_expiry"], message: "auto_refund_on_expiry needs a refundable refund_policy" })
    }
  })
export type AdminUpsertVoucherTemplateType = z.infer<typeof AdminUpsertVoucherTemplate>

const idList = z.union([z.string().max(100), z.array(z.string().max(100)).max(200)]).optional()

export const AdminListVoucherTemplates = z.object({
  product_variant_id: idList,
  merchant_id: idList,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type AdminListVoucherTemplatesType = z.infer<typeof AdminListVoucherTemplates>

export const AdminGetVoucherTemplate = z.object({})
