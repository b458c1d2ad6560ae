import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRAVEL_MODULE } from "../../../../../../modules/travel"
import type TravelModuleService from "../../../../../../modules/travel/service"
import { TravelError } from "../../../../../../modules/travel/travel-error"
import { answerTravel } from "../../../../../store/travel/travel-http"
import { datesInRange, fen } from "../../../admin-travel-view"

type Body = { from: string; to: string; weekdays?: number[]; capacity: number; prices: { adult: number; child: number; senior: number }; single_supplement: number }

const MAX_RANGE_DAYS = 366

/** Bulk-creates departures over a date range; dates that already have one are skipped, not changed. */
export async function POST(req: MedusaRequest<Body>, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const body = req.validatedBody as Body
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const [pkg] = await travel.listTravelPackages({ id: req.params.id } as any, { take: 1 })
    if (!pkg) throw new TravelError("not_found", `Package ${req.params.id} was not found.`, 404)
    if (body.from > body.to) throw new TravelError("invalid_date_range", "The range must start on or before its end.")
    const days = (Date.parse(`${body.to}T00:00:00Z`) - Date.parse(`${body.from}T00:00:00Z`)) / 86_400_000 + 1
    if (days > MAX_RANGE_DAYS) throw new TravelError("invalid_date_range", `At most ${MAX_RANGE_DAYS} days at once.`)
    const dates = datesInRange(body.from, body.to, body.weekdays)
    const result = await travel.bulkCreateDepartures({
      package_id: pkg.id,
      dates,
      capacity: body.capacity,
      price_adult: fen(body.prices.adult),
      price_child: fen(body.prices.child),
      price_senior: fen(body.prices.senior),
      single_supplement: fen(body.single_supplement ?? 0),
    })
    res.status(201).json(result)
  })
}
