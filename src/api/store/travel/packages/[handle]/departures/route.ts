import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRAVEL_MODULE } from "../../../../../../modules/travel"
import type TravelModuleService from "../../../../../../modules/travel/service"
import { addDays, departureView, firstBookableDate, notFound } from "../../../travel-http"

type Query = { from?: string; to?: string }

/** The departure calendar: every future departure with places left and prices in yuan. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = (req as any).validatedQuery as Query
  const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
  const [pkg] = await travel.listTravelPackages({ handle: req.params.handle, status: "published" } as any, { take: 1 })
  if (!pkg) throw notFound(`Package ${req.params.handle}`)
  const first = firstBookableDate()
  const from = q.from && q.from > first ? q.from : first
  const to = q.to ?? addDays(from, 120)
  const rows = from <= to ? await travel.listAvailability({ package_id: pkg.id, from, to }) : []
  res.json({ departures: rows.map(departureView) })
}
