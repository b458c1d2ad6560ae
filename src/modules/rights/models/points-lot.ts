import { model } from "@medusajs/framework/utils"

/** Points credited together and expiring together; burns take from the soonest-expiring lot first. */
const PointsLot = model
  .define("points_lot", {
    id: model.id({ prefix: "plot" }).primaryKey(),
    account_id: model.text(),
    customer_id: model.text(),
    entry_id: model.text(),
    points: model.number(),
    remaining: model.number(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["account_id", "expires_at"] }, { on: ["expires_at"], where: "remaining > 0" }])
  .checks([{ name: "points_lot_remaining_in_range", expression: (c) => `${c.remaining} >= 0 AND ${c.remaining} <= ${c.points}` }])

export default PointsLot
