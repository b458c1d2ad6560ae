import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shanghaiMidnight } from "../../../lib/shanghai-time"
import { CINEMA_MODULE } from "../../../modules/cinema"
import type CinemaModuleService from "../../../modules/cinema/service"
import { showtimeView } from "./showtime-view"

type Query = { date: string; cinema_id?: string; film_id?: string; city?: string }

/** Showtimes of one Asia/Shanghai calendar day that have not started yet, by film / cinema / city. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as Query
  const [y, m, d] = q.date.split("-").map(Number)
  const dayStart = shanghaiMidnight(y, m, d)
  const now = new Date()
  const from = dayStart.getTime() > now.getTime() ? dayStart : now
  const to = new Date(dayStart.getTime() + 24 * 3600_000)
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const rows = from < to ? await cinema.listShowings({ from, to, film_id: q.film_id, cinema_id: q.cinema_id, city: q.city }) : []
  res.json({ showtimes: rows.map(showtimeView) })
}
