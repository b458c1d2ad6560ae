import { model } from "@medusajs/framework/utils"

/** One seat of a hall's map. Couple seats come in pairs sharing a pair_id and are sold together. */
const Seat = model
  .define("cinema_seat", {
    id: model.id({ prefix: "seat" }).primaryKey(),
    hall_id: model.text(),
    row_label: model.text(),
    number: model.number(),
    type: model.enum(["standard", "vip", "couple"]).default("standard"),
    pair_id: model.text().nullable(),
    grid_x: model.number(),
    grid_y: model.number(),
    disabled: model.boolean().default(false),
  })
  .indexes([
    { on: ["hall_id", "row_label", "number"], unique: true },
    { on: ["hall_id", "grid_x", "grid_y"], unique: true },
  ])

export default Seat
