import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../../../lib/money"
import { TRAVEL_MODULE } from "../../../../../../modules/travel"
import { ID_TYPE_LABELS, type IdType } from "../../../../../../modules/travel/id-documents"
import type TravelModuleService from "../../../../../../modules/travel/service"
import { TravelError } from "../../../../../../modules/travel/travel-error"
import { answerTravel } from "../../../../../store/travel/travel-http"
import { adminDepartureView } from "../../../admin-travel-view"

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v)
  // a leading =, +, - or @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * Who travels on a departure (booked, and held for a cart now). Document numbers and phones are
 * masked here and in the CSV: the manifest is for the guide's head count and check-in list, which
 * the masked number and the name serve; full numbers stay encrypted in the database.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const [row] = await travel.listAvailability({ ids: [req.params.id] })
    if (!row) throw new TravelError("not_found", `Departure ${req.params.id} was not found.`, 404)
    const pkg = await travel.retrieveTravelPackage(row.package_id)
    const travellers = await travel.manifest(row.id)
    const format = ((req as any).validatedQuery?.format ?? "json") as "json" | "csv"
    if (format === "csv") {
      const header = ["status", "order_id", "type", "name", "id_type", "id_number", "phone", "single_room", "price_cny"]
      const lines = travellers.map((t: any) =>
        [t.status, t.order_id, t.type, t.name, ID_TYPE_LABELS[t.id_type as IdType]?.en ?? t.id_type, t.id_number, t.phone, t.single_room ? "yes" : "no", fenToMajor(t.unit_price).toFixed(2)].map(csvCell).join(",")
      )
      res.setHeader("content-type", "text/csv; charset=utf-8")
      res.setHeader("content-disposition", `attachment; filename="manifest-${pkg.handle}-${row.date}.csv"`)
      res.send("\ufeff" + [header.join(","), ...lines].join("\n") + "\n")
      return
    }
    res.json({
      package: { id: pkg.id, handle: pkg.handle, title: pkg.title },
      departure: adminDepartureView(row),
      travellers: travellers.map((t: any) => ({ ...t, unit_price: undefined, price: fenToMajor(t.unit_price) })),
    })
  })
}
