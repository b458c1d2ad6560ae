import { model } from "@medusajs/framework/utils"

// What buying one unit of a product variant entitles to. Amounts are integers in fen.
const VoucherTemplate = model.define("voucher_template", {
  id: model.id({ prefix: "vtpl" }).primaryKey(),
  product_variant_id: model.text().unique(),
  merchant_id: model.text(),
  kind: model.enum(["meal", "movie", "travel", "mall"]),
  title: model.text(),
  face_value: model.number(),
  currency_code: model.text().default("cny"),
  usage: model.enum(["single_use", "stored_value"]),
  validity_type: model.enum(["fixed", "days_after_purchase"]).default("days_after_purchase"),
  valid_from: model.dateTime().nullable(),
  valid_until: model.dateTime().nullable(),
  valid_days: model.number().nullable(),
  // empty list = every store of the merchant
  allowed_store_ids: model.json().default({ ids: [] } as any),
  // ISO weekdays 1 (Mon) … 7 (Sun) in Asia/Shanghai; empty = every day
  allowed_weekdays: model.json().default({ days: [] } as any),
  refund_policy: model.enum(["refundable", "refundable_unused", "non_refundable"]).default("refundable_unused"),
  auto_refund_on_expiry: model.boolean().default(false),
})

export default VoucherTemplate
