import { model } from "@medusajs/framework/utils"

/** One use of a benefit by one checkout; `restored` once a refund gave the quota back. */
const BenefitUsage = model
  .define("benefit_usage", {
    id: model.id({ prefix: "buse" }).primaryKey(),
    program_id: model.text(),
    customer_id: model.text(),
    period_key: model.text(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    value: model.number(),
    funder: model.enum(["platform", "merchant"]),
    status: model.enum(["taken", "released", "restored"]).default("taken"),
    quota_returned: model.boolean().default(false),
  })
  .indexes([{ on: ["cart_id"], unique: true }, { on: ["customer_id", "created_at"] }])

export default BenefitUsage
