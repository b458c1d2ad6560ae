import { model } from "@medusajs/framework/utils"

/** What one refund of an order line unit gave back to each funder; once per refund_key. */
const RightsRefund = model
  .define("rights_refund", {
    id: model.id({ prefix: "rref" }).primaryKey(),
    refund_key: model.text(),
    order_id: model.text(),
    line_item_id: model.text(),
    cash: model.number(),
    points: model.number(),
    clawed_back: model.number(),
    quota_restored: model.boolean(),
  })
  .indexes([{ on: ["refund_key"], unique: true }, { on: ["order_id"] }])

export default RightsRefund
