import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRAVEL_MODULE } from "../../../../../modules/travel"
import type TravelModuleService from "../../../../../modules/travel/service"
import { answerTravel } from "../../../../store/travel/travel-http"
import { adminDepartureView, fen } from "../../admin-travel-view"

type Body = { capacity?: number; prices?: { adult?: number; child?: number; senior?: number }; single_supplement?: number; status?: "open" | "closed" }

/** Capacity (never below sold + held), prices or open/closed of one departure. */
export async function POST(req: MedusaRequest<Body>, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const body = req.validatedBody as Body
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const toFen = (v?: number) => (v === undefined ? undefined : fen(v))
    await travel.updateDepartureSafely(req.params.id, {
      capacity: body.capacity,
      price_adult: toFen(body.prices?.adult),
      price_child: toFen(body.prices?.child),
      price_senior: toFen(body.prices?.senior),
      single_supplement: toFen(body.single_supplement),
      status: body.status,
    })
    const [row] = await travel.listAvailability({ ids: [req.params.id] })
    res.json({ departure: adminDepartureView(row) })
  })
}
