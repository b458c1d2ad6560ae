import { model } from "@medusajs/framework/utils"

/**
 * What one voucher unit is worth to settlement (fen) and how much of it has been posted, so
 * every redemption posts the exact increment and a fully used voucher posts its whole value.
 */
const VoucherValue = model
  .define("voucher_value", {
    id: model.id({ prefix: "vval" }).primaryKey(),
    voucher_id: model.text(),
    merchant_id: model.text(),
    order_id: model.text().nullable(),
    product_id: model.text().nullable(),
    // null until known: rows from before this column get it on their next posting
    category_ids: model.json().nullable(),
    face_value: model.number(),
    sale_value: model.number(),
    cash: model.number(),
    points_value: model.number(),
    benefit_value: model.number(),
    benefit_funder: model.text().nullable(),
    merchant_funded: model.number(),
    gross_posted: model.number().default(0),
    merchant_funded_posted: model.number().default(0),
    fixed_commission: model.number().default(0),
    commission_posted: model.number().default(0),
    closed: model.boolean().default(false),
  })
  .indexes([{ on: ["voucher_id"], unique: true }])

export default VoucherValue
