import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../../modules/cinema"
import { cinemaError } from "../../../../modules/cinema/cinema-error"
import type CinemaModuleService from "../../../../modules/cinema/service"
import { showtimeView } from "../showtime-view"

/** One showtime with film, cinema, hall and prices (the seat picker's header). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const [sh] = await cinema.listShowtimes({ id: req.params.id })
  if (!sh) throw cinemaError("showtime_not_found", `Showtime ${req.params.id} was not found.`)
  const rows = await cinema.listShowings({ from: new Date(sh.starts_at), to: new Date(new Date(sh.starts_at).getTime() + 1), film_id: sh.film_id, cinema_id: sh.cinema_id })
  const row = rows.find((r) => r.id === sh.id)
  const [film] = await cinema.listFilms({ id: sh.film_id })
  res.json({
    showtime: {
      ...showtimeView(row),
      film: { id: film.id, title: film.title, poster_url: film.poster_url ?? null, duration_minutes: film.duration_minutes, rating: film.rating ?? null },
      started: new Date(sh.starts_at).getTime() <= Date.now(),
    },
  })
}
