import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import { CINEMA_MODULE } from "../../../modules/cinema"
import { cinemaError } from "../../../modules/cinema/cinema-error"
import type CinemaModuleService from "../../../modules/cinema/service"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const cinemas = await cinema.listCinemas({}, { order: { name: "ASC" } })
  const halls = cinemas.length ? await cinema.listHalls({ cinema_id: cinemas.map((c) => c.id) }, { order: { name: "ASC" } }) : []
  res.json({
    cinemas: cinemas.map((c: any) => ({
      id: c.id, name: c.name, city: c.city, address: c.address, merchant_id: c.merchant_id, merchant_store_id: c.merchant_store_id,
      halls: halls.filter((h: any) => h.cinema_id === c.id).map((h: any) => ({ id: h.id, name: h.name, grid_rows: h.grid_rows, grid_cols: h.grid_cols, cleaning_minutes: h.cleaning_minutes })),
    })),
  })
}

/** A cinema for a merchant store; its ticket variants are those of the merchant's existing cinemas. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = req.validatedBody as { name: string; city: string; address?: string | null; merchant_store_id: string }
  const merchants: any = req.scope.resolve(MERCHANT_MODULE)
  const [store] = await merchants.listMerchantStores({ id: body.merchant_store_id })
  if (!store) throw cinemaError("invalid_request", `Store ${body.merchant_store_id} does not exist.`)
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const [sibling] = await cinema.listCinemas({ merchant_id: store.merchant_id })
  const created = await cinema.createCinemas({
    name: body.name, city: body.city, address: body.address ?? null, merchant_id: store.merchant_id, merchant_store_id: store.id,
    ticket_variants: sibling?.ticket_variants ?? null,
  } as any)
  res.status(201).json({ cinema: created })
}
