import { model } from "@medusajs/framework/utils"

/** A screening room; its seats are a grid (x = column, y = row) with aisles as empty cells. */
const Hall = model
  .define("cinema_hall", {
    id: model.id({ prefix: "hall" }).primaryKey(),
    cinema_id: model.text(),
    name: model.text(),
    grid_rows: model.number(),
    grid_cols: model.number(),
    /** minutes the hall needs between two showtimes (cleaning, entry) */
    cleaning_minutes: model.number().default(15),
  })
  .indexes([{ on: ["cinema_id", "name"], unique: true }])

export default Hall
