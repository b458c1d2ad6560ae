import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../../lib/money"
import { CINEMA_MODULE } from "../../../../../modules/cinema"
import { cinemaError } from "../../../../../modules/cinema/cinema-error"
import type CinemaModuleService from "../../../../../modules/cinema/service"

/**
 * The seat map with live availability: one SQL statement. `x`/`y` place a seat on the hall's grid
 * (gaps are aisles), `pair_id` ties couple seats, and with `?cart_id=` the cart's own seats say `mine`.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const q = req.validatedQuery as { cart_id?: string }
  const rows = await cinema.seatMap(req.params.id, q.cart_id ?? null)
  if (!rows) throw cinemaError("showtime_not_found", `Showtime ${req.params.id} was not found.`)
  const seats = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const s = rows[i]
    seats[i] = { id: s.id, row: s.row, number: s.number, type: s.type, status: s.status, price: fenToMajor(s.price), pair_id: s.pair_id, x: s.x, y: s.y, mine: s.mine }
  }
  res.json({ seats })
}
