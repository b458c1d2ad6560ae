import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../modules/cinema"
import type CinemaModuleService from "../../../modules/cinema/service"
import { filmView } from "../showtimes/showtime-view"

/** Films showing (a showtime still to come), optionally in one city, best rated first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as { city?: string }
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const films = await cinema.listFilmsShowing({ from: new Date(), city: q.city })
  res.json({ films: films.map(filmView) })
}
