import { model } from "@medusajs/framework/utils"

/**
 * A member benefit (權益): who gets it (a customer group), on what (scene, category or product),
 * how much (a fixed price, a percentage with a cap, or an amount off; fen and basis points), how
 * often (quota per customer per period) and who pays for it.
 */
const BenefitProgram = model
  .define("benefit_program", {
    id: model.id({ prefix: "bprog" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    customer_group_id: model.text(),
    scope_type: model.enum(["scene", "category", "product"]),
    scope_value: model.text(),
    kind: model.enum(["fixed_price", "percent_off", "amount_off"]),
    /** fixed_price and amount_off: fen; percent_off: basis points (1000 = 10%) */
    value: model.number(),
    /** percent_off only: the most it takes off, in fen */
    cap: model.number().nullable(),
    quota: model.number(),
    quota_period: model.enum(["day", "week", "month"]),
    funder: model.enum(["platform", "merchant"]),
    /** ISO weekdays (1 = Monday) it can be used on, Asia/Shanghai; null = every day */
    weekdays: model.json().nullable(),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    status: model.enum(["active", "paused"]).default("active"),
  })
  .indexes([{ on: ["customer_group_id"] }])
  .checks([
    { name: "benefit_program_value_positive", expression: (c) => `${c.value} > 0` },
    { name: "benefit_program_quota_positive", expression: (c) => `${c.quota} > 0` },
  ])

export default BenefitProgram
