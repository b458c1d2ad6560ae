import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRAVEL_MODULE } from "../../../../../modules/travel"
import type TravelModuleService from "../../../../../modules/travel/service"
import { TravelError } from "../../../../../modules/travel/travel-error"
import { answerTravel } from "../../../../store/travel/travel-http"
import { adminDepartureView, adminPackageView, packageFields } from "../../admin-travel-view"

async function packageOr404(travel: TravelModuleService, id: string) {
  const [pkg] = await travel.listTravelPackages({ id } as any, { take: 1 })
  if (!pkg) throw new TravelError("not_found", `Package ${id} was not found.`, 404)
  return pkg
}

/** A package with all its departures (sold, held, places left). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const pkg = await packageOr404(travel, req.params.id)
    const departures = await travel.listAvailability({ package_id: pkg.id })
    res.json({ package: adminPackageView(pkg), departures: departures.map(adminDepartureView) })
  })
}

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const pkg = await packageOr404(travel, req.params.id)
    const fields = packageFields(req.validatedBody as Record<string, any>)
    const updated = Object.keys(fields).length ? await travel.updateTravelPackages({ id: pkg.id, ...fields } as any) : pkg
    res.json({ package: adminPackageView(updated) })
  })
}
