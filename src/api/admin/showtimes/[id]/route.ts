import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../../modules/cinema"
import { cinemaRoute } from "../../../cinema-middlewares"
import type CinemaModuleService from "../../../../modules/cinema/service"

/** Cancels a showtime that has no seat sold or held. */
export const DELETE = cinemaRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  await cinema.cancelShowtime(req.params.id)
  res.json({ id: req.params.id, object: "showtime", deleted: true })
})
