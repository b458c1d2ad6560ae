import { model } from "@medusajs/framework/utils"

// Places held for a cart for 15 minutes: active until the order converts them (sold), the line is
// removed (released) or the time runs out (expired).
const TravelHold = model
  .define("travel_hold", {
    id: model.id({ prefix: "thold" }).primaryKey(),
    departure_id: model.text(),
    cart_id: model.text(),
    quantity: model.number(),
    expires_at: model.dateTime(),
    status: model.enum(["active", "sold", "released", "expired"]).default("active"),
    order_id: model.text().nullable(),
  })
  .indexes([
    { on: ["departure_id", "status"] },
    { on: ["cart_id"] },
  ])
  .checks([{ name: "travel_hold_quantity_positive", expression: (c) => `${c.quantity} > 0` }])

export default TravelHold
