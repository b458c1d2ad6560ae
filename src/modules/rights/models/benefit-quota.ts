import { model } from "@medusajs/framework/utils"

/** Uses of one program by one customer in one period (Asia/Shanghai): taken with one conditional upsert. */
const BenefitQuota = model
  .define("benefit_quota", {
    id: model.id({ prefix: "bquota" }).primaryKey(),
    program_id: model.text(),
    customer_id: model.text(),
    period_key: model.text(),
    used: model.number().default(0),
  })
  .indexes([{ on: ["program_id", "customer_id", "period_key"], unique: true }])
  .checks([{ name: "benefit_quota_used_not_negative", expression: (c) => `${c.used} >= 0` }])

export default BenefitQuota
