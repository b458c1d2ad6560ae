import { model } from "@medusajs/framework/utils"

/**
 * One screening of a film in a hall. `ends_at` is the start plus the film's duration; the hall is
 * busy until `ends_at + cleaning_minutes` (the service refuses overlaps under the hall's row lock).
 * Prices per seat type are integers in fen: { standard, vip, couple } (couple = per seat).
 */
const Showtime = model
  .define("cinema_showtime", {
    id: model.id({ prefix: "sht" }).primaryKey(),
    film_id: model.text(),
    hall_id: model.text(),
    cinema_id: model.text(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    busy_until: model.dateTime(),
    // 2D / 3D / IMAX (checked in the migration; a DML enum would make GraphQL enum values that start with a digit)
    format: model.text().default("2D"),
    language: model.text(),
    prices: model.json(),
  })
  .indexes([{ on: ["hall_id", "starts_at"] }, { on: ["starts_at"] }, { on: ["film_id", "starts_at"] }])

export default Showtime
