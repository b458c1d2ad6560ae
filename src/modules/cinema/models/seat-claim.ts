import { model } from "@medusajs/framework/utils"

/**
 * A seat of a showtime that somebody has: `held` by a cart until expires_at, or `booked` by an
 * order. The unique (showtime_id, seat_id) index is the last line of defence: one claim per seat
 * per showtime, so no seat is ever booked twice. An expired hold is free to take over.
 */
const SeatClaim = model
  .define("cinema_seat_claim", {
    id: model.id({ prefix: "sclm" }).primaryKey(),
    showtime_id: model.text(),
    seat_id: model.text(),
    status: model.enum(["held", "booked"]).default("held"),
    cart_id: model.text(),
    line_item_id: model.text().nullable(),
    order_id: model.text().nullable(),
    expires_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["cart_id"] }])

export default SeatClaim
