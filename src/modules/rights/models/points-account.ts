import { model } from "@medusajs/framework/utils"

/** One per customer; `balance` always equals the sum of its ledger and of its lots' remaining points. */
const PointsAccount = model
  .define("points_account", {
    id: model.id({ prefix: "pacct" }).primaryKey(),
    customer_id: model.text(),
    balance: model.number().default(0),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }])
  .checks([{ name: "points_account_balance_not_negative", expression: (c) => `${c.balance} >= 0` }])

export default PointsAccount
