import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRAVEL_MODULE } from "../../../../modules/travel"
import type TravelModuleService from "../../../../modules/travel/service"
import { addDays, firstBookableDate, packageSummaryView } from "../travel-http"

type Query = { destination?: string; city?: string; limit: number; offset: number }

/** Published packages, optionally of one destination or city, with the lowest bookable adult price. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = (req as any).validatedQuery as Query
  const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
  const filter: Record<string, unknown> = { status: "published" }
  if (q.destination) filter.destination = q.destination
  if (q.city) filter.city = q.city
  const [packages, count] = await travel.listAndCountTravelPackages(filter as any, { order: { title: "ASC" }, take: q.limit, skip: q.offset })
  const from = firstBookableDate()
  const open = (await travel.listAvailability({ from, to: addDays(from, 365) })).filter((d) => d.status === "open" && d.remaining > 0)
  res.json({
    packages: (packages as any[]).map((p) => {
      const prices = open.filter((d) => d.package_id === p.id).map((d) => d.price_adult)
      return packageSummaryView(p, prices.length ? Math.min(...prices) : null)
    }),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
