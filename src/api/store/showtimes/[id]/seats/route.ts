import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../../lib/money"
import { CINEMA_MODULE } from "../../../../../modules/cinema"
import { cinemaError } from "../../../../../modules/cinema/cinema-error"
import { cachedSeatMap, rememberSeatMap } from "../../../../../modules/cinema/seat-map-cache"
import type CinemaModuleService from "../../../../../modules/cinema/service"

/**
 * The seat map with live availability: one SQL statement (and, for the anonymous map everyone
 * reads, a copy of at most a second — see seat-map-cache.ts). `x`/`y` place a seat on the hall's
 * grid (gaps are aisles), `pair_id` ties couple seats, and with `?cart_id=` the cart's own seats say
 * `mine` (that answer is never shared).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as { cart_id?: string }
  const showtimeId = req.params.id
  if (!q.cart_id) {
    const hit = cachedSeatMap(showtimeId)
    if (hit) {
      res.type("application/json").send(hit)
      return
    }
  }
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const rows = await cinema.seatMap(showtimeId, q.cart_id ?? null)
  if (!rows) throw cinemaError("showtime_not_found", `Showtime ${showtimeId} was not found.`)
  const seats = new Array(rows.length)
  let earliestHold: number | null = null
  for (let i = 0; i < rows.length; i++) {
    const s = rows[i]
    seats[i] = { id: s.id, row: s.row, number: s.number, type: s.type, status: s.status, price: fenToMajor(s.price), pair_id: s.pair_id, x: s.x, y: s.y, mine: s.mine }
    if (s.hold_expires_at) {
      const t = new Date(s.hold_expires_at).getTime()
      if (earliestHold === null || t < earliestHold) earliestHold = t
    }
  }
  const body = JSON.stringify({ seats })
  if (!q.cart_id) rememberSeatMap(showtimeId, body, earliestHold)
  res.type("application/json").send(body)
}
