import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../../modules/cinema"
import { cinemaError } from "../../../../modules/cinema/cinema-error"
import type CinemaModuleService from "../../../../modules/cinema/service"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const [hall] = await cinema.listHalls({ id: req.params.id })
  if (!hall) throw cinemaError("hall_not_found", `Hall ${req.params.id} was not found.`)
  const seats = await cinema.listSeats({ hall_id: hall.id }, { order: { grid_y: "ASC", grid_x: "ASC" } })
  res.json({
    hall: {
      ...hall,
      seats: seats.map((s: any) => ({ id: s.id, row_label: s.row_label, number: s.number, type: s.type, pair_id: s.pair_id, x: s.grid_x, y: s.grid_y, disabled: s.disabled })),
    },
  })
}
