import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { majorToFen } from "../../../lib/money"
import { cinemaRoute } from "../../cinema-middlewares"
import { CINEMA_MODULE } from "../../../modules/cinema"
import type CinemaModuleService from "../../../modules/cinema/service"
import { showtimeView } from "../../store/showtimes/showtime-view"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as { hall_id?: string; cinema_id?: string; from?: string; to?: string }
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const from = q.from ? new Date(q.from) : new Date(Date.now() - 86400_000)
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 8 * 86400_000)
  const rows = await cinema.listShowings({ from, to, cinema_id: q.cinema_id, limit: 2000 })
  res.json({ showtimes: rows.filter((r) => !q.hall_id || r.hall_id === q.hall_id).map((r) => ({ ...showtimeView(r), duration_minutes: r.duration_minutes })) })
}

/** Schedules a showtime; a clash with another in the hall (cleaning gap included) is 409 showtime_overlap. */
export const POST = cinemaRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const b = req.validatedBody as any
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const sh = await cinema.scheduleShowtime({
    film_id: b.film_id,
    hall_id: b.hall_id,
    starts_at: new Date(b.starts_at),
    format: b.format,
    language: b.language,
    prices: { standard: majorToFen(b.prices.standard), vip: majorToFen(b.prices.vip), couple: majorToFen(b.prices.couple) },
  })
  const [row] = (await cinema.listShowings({ from: new Date(sh.starts_at), to: new Date(new Date(sh.starts_at).getTime() + 1), limit: 50 })).filter((r) => r.id === sh.id)
  res.status(201).json({ showtime: showtimeView(row) })
})
