import { model } from "@medusajs/framework/utils"

/** One merchant's settlement for one business day: calculated → approved → paid, or failed. */
const SettlementBatch = model
  .define("settlement_batch", {
    id: model.id({ prefix: "sbat" }).primaryKey(),
    merchant_id: model.text(),
    business_date: model.text(),
    status: model.enum(["calculated", "approved", "paid", "failed"]).default("calculated"),
    line_count: model.number().default(0),
    gross_amount: model.number().default(0),
    commission_amount: model.number().default(0),
    merchant_funded_amount: model.number().default(0),
    net_amount: model.number().default(0),
    currency_code: model.text().default("cny"),
    calculated_at: model.dateTime().nullable(),
    approved_at: model.dateTime().nullable(),
    approved_by: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    paid_by: model.text().nullable(),
    payout_reference: model.text().nullable(),
    failed_at: model.dateTime().nullable(),
    failed_by: model.text().nullable(),
    failure_reason: model.text().nullable(),
  })
  .indexes([{ on: ["merchant_id", "business_date"], unique: true }, { on: ["business_date", "status"] }])

export default SettlementBatch
