import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../lib/money"
import { TRAVEL_MODULE } from "../../../../modules/travel"
import type TravelModuleService from "../../../../modules/travel/service"
import { addDays, firstBookableDate } from "../travel-http"

/** Destinations with published packages: how many, and the lowest adult price of a bookable departure. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
  const packages = await travel.listTravelPackages({ status: "published" } as any, { order: { destination: "ASC" } })
  const from = firstBookableDate()
  const open = (await travel.listAvailability({ from, to: addDays(from, 365) })).filter((d) => d.status === "open" && d.remaining > 0)
  const byDestination = new Map<string, { destination: string; city: string; packages: number; from: number | null; image: string | null }>()
  for (const p of packages as any[]) {
    const cheapest = open.filter((d) => d.package_id === p.id).reduce<number | null>((m, d) => (m === null || d.price_adult < m ? d.price_adult : m), null)
    const entry = byDestination.get(p.destination) ?? { destination: p.destination, city: p.city, packages: 0, from: null, image: p.images?.urls?.[0] ?? null }
    entry.packages += 1
    if (cheapest !== null && (entry.from === null || cheapest < entry.from)) entry.from = cheapest
    byDestination.set(p.destination, entry)
  }
  res.json({
    destinations: [...byDestination.values()].map((d) => ({ destination: d.destination, city: d.city, packages: d.packages, from_price: d.from === null ? null : fenToMajor(d.from), image: d.image })),
  })
}
