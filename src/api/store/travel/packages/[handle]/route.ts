import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRAVEL_MODULE } from "../../../../../modules/travel"
import type TravelModuleService from "../../../../../modules/travel/service"
import { addDays, firstBookableDate, notFound, packageDetailView } from "../../travel-http"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
  const [pkg] = await travel.listTravelPackages({ handle: req.params.handle, status: "published" } as any, { take: 1 })
  if (!pkg) throw notFound(`Package ${req.params.handle}`)
  const from = firstBookableDate()
  const open = (await travel.listAvailability({ package_id: pkg.id, from, to: addDays(from, 365) })).filter((d) => d.status === "open" && d.remaining > 0)
  const prices = open.map((d) => d.price_adult)
  res.json({ package: { ...packageDetailView(pkg, prices.length ? Math.min(...prices) : null), next_departure: open[0]?.date ?? null } })
}
