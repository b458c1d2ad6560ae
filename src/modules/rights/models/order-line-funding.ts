import { model } from "@medusajs/framework/utils"

/**
 * Who paid for an order line, in fen: cash (card), points (value; 1 point = 1 fen) and the
 * benefit with its funder. cash + points_value + benefit_value = the line total. Settlement posts
 * from these rows; refunds return each part from them, one unit at a time (`units_refunded`).
 */
const OrderLineFunding = model
  .define("order_line_funding", {
    id: model.id({ prefix: "olfund" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    customer_id: model.text().nullable(),
    quantity: model.number(),
    total: model.number(),
    cash: model.number(),
    points_value: model.number(),
    benefit_value: model.number(),
    benefit_program_id: model.text().nullable(),
    benefit_funder: model.enum(["platform", "merchant"]).nullable(),
    units_refunded: model.number().default(0),
    cash_refunded: model.number().default(0),
    points_refunded: model.number().default(0),
  })
  .indexes([{ on: ["line_item_id"], unique: true }, { on: ["order_id"] }])
  .checks([
    { name: "order_line_funding_parts_sum", expression: (c) => `${c.cash} + ${c.points_value} + ${c.benefit_value} = ${c.total}` },
    { name: "order_line_funding_parts_not_negative", expression: (c) => `${c.cash} >= 0 AND ${c.points_value} >= 0 AND ${c.benefit_value} >= 0` },
    { name: "order_line_funding_units_in_range", expression: (c) => `${c.units_refunded} >= 0 AND ${c.units_refunded} <= ${c.quantity}` },
  ])

export default OrderLineFunding
