import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../../../modules/cinema"
import { cinemaRoute } from "../../../../cinema-middlewares"
import type CinemaModuleService from "../../../../../modules/cinema/service"

/** Saves the whole seat grid of a hall (the grid editor's save). */
export const POST = cinemaRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const count = await cinema.replaceHallSeats(req.params.id, req.validatedBody as any)
  res.json({ hall_id: req.params.id, seats: count })
})
