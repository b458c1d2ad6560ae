import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../modules/cinema"
import type CinemaModuleService from "../../../modules/cinema/service"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = req.validatedQuery as { city?: string }
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const cinemas = await cinema.listCinemas(q.city ? { city: q.city } : {}, { order: { name: "ASC" } })
  res.json({ cinemas: cinemas.map((c: any) => ({ id: c.id, name: c.name, city: c.city, address: c.address ?? null })) })
}
