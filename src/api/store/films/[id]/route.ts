import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shanghaiDate } from "../../../../lib/shanghai-time"
import { CINEMA_MODULE } from "../../../../modules/cinema"
import { cinemaError } from "../../../../modules/cinema/cinema-error"
import type CinemaModuleService from "../../../../modules/cinema/service"
import { filmView } from "../../showtimes/showtime-view"

/** A film and the Asia/Shanghai dates it has showtimes on (the film page's date tabs). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const [film] = await cinema.listFilms({ id: req.params.id })
  if (!film) throw cinemaError("film_not_found", `Film ${req.params.id} was not found.`)
  const now = new Date()
  const upcoming = await cinema.listShowings({ from: now, to: new Date(now.getTime() + 30 * 86400_000), film_id: film.id, limit: 2000 })
  const dates = [...new Set(upcoming.map((r) => shanghaiDate(new Date(r.starts_at))))]
  res.json({ film: filmView(film), dates })
}
