import { model } from "@medusajs/framework/utils"

/**
 * Commission by scope (product beats category beats merchant beats global), effective from a
 * business day: a new rate never changes lines already posted.
 */
const CommissionRate = model
  .define("commission_rate", {
    id: model.id({ prefix: "crate" }).primaryKey(),
    scope_type: model.enum(["global", "merchant", "category", "product"]),
    scope_id: model.text().nullable(),
    kind: model.enum(["percentage", "fixed"]),
    /** percentage: basis points; fixed: fen per unit (charged in proportion to what is redeemed) */
    value: model.number(),
    effective_from: model.text(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["scope_type", "scope_id", "effective_from"], unique: true, where: "deleted_at IS NULL" }])
  .checks([{ name: "commission_rate_value_range", expression: (c) => `${c.value} >= 0 AND (${c.kind} <> 'percentage' OR ${c.value} <= 10000)` }])

export default CommissionRate
