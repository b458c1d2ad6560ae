import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../../../modules/cinema"
import { cinemaError } from "../../../../../modules/cinema/cinema-error"
import type CinemaModuleService from "../../../../../modules/cinema/service"

/** A new, empty hall (1 × 1 grid); the seat-map editor draws its seats. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = req.validatedBody as { name: string; cleaning_minutes: number }
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const [c] = await cinema.listCinemas({ id: req.params.id })
  if (!c) throw cinemaError("cinema_not_found", `Cinema ${req.params.id} was not found.`)
  const [same] = await cinema.listHalls({ cinema_id: c.id, name: body.name })
  if (same) throw cinemaError("invalid_request", `This cinema already has a hall named ${body.name}.`)
  const hall = await cinema.createHalls({ cinema_id: c.id, name: body.name, cleaning_minutes: body.cleaning_minutes, grid_rows: 1, grid_cols: 1 } as any)
  res.status(201).json({ hall })
}
