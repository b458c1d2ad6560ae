import { model } from "@medusajs/framework/utils"

/** A business day once its batches exist: lines posted later for it settle on the next open day. */
const SettlementDay = model
  .define("settlement_day", {
    id: model.id({ prefix: "sday" }).primaryKey(),
    business_date: model.text(),
    closed_at: model.dateTime(),
    batch_count: model.number().default(0),
  })
  .indexes([{ on: ["business_date"], unique: true }])

export default SettlementDay
