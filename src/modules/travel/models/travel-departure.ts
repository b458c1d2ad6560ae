import { model } from "@medusajs/framework/utils"

// One date a package leaves on. Places left = capacity − sold − active holds; `sold` moves only in
// the service's locked statements. Prices are fen.
const TravelDeparture = model
  .define("travel_departure", {
    id: model.id({ prefix: "tdep" }).primaryKey(),
    package_id: model.text(),
    // Asia/Shanghai calendar date, "YYYY-MM-DD"
    date: model.text(),
    capacity: model.number(),
    sold: model.number().default(0),
    price_adult: model.number(),
    price_child: model.number(),
    price_senior: model.number(),
    single_supplement: model.number().default(0),
    status: model.enum(["open", "closed"]).default("open"),
  })
  .indexes([
    { on: ["package_id", "date"], unique: true, where: "deleted_at IS NULL" },
    { on: ["date"] },
  ])
  .checks([
    { name: "travel_departure_sold_range", expression: (c) => `${c.sold} >= 0 AND ${c.sold} <= ${c.capacity}` },
    { name: "travel_departure_prices", expression: (c) => `${c.price_adult} >= 0 AND ${c.price_child} >= 0 AND ${c.price_senior} >= 0 AND ${c.single_supplement} >= 0` },
  ])

export default TravelDeparture
