import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../../modules/cinema"
import { cinemaError } from "../../../../modules/cinema/cinema-error"
import type CinemaModuleService from "../../../../modules/cinema/service"
import { filmView } from "../../../store/showtimes/showtime-view"
import { filmInput } from "../route"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const [film] = await cinema.listFilms({ id: req.params.id })
  if (!film) throw cinemaError("film_not_found", `Film ${req.params.id} was not found.`)
  const updated = await cinema.updateFilms({ id: film.id, ...filmInput(req.validatedBody) })
  res.json({ film: filmView(updated) })
}
