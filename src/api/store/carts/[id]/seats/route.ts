import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fenToMajor } from "../../../../../lib/money"
import { cinemaRoute } from "../../../../cinema-middlewares"
import { addSeatsToCartWorkflow } from "../../../../../workflows/add-seats-to-cart"

type Body = { showtime_id: string; seat_ids: string[] }

/**
 * Holds seats for this cart (10 minutes) and adds one ticket line per seat. All or none: a seat
 * someone else holds or booked answers 409 { code: "seat_unavailable" } and nothing is held.
 */
export const POST = cinemaRoute(async (req: MedusaRequest<Body>, res: MedusaResponse) => {
  const body = req.validatedBody as Body
  const { result } = await addSeatsToCartWorkflow(req.scope).run({
    input: { cart_id: req.params.id, showtime_id: body.showtime_id, seat_ids: body.seat_ids },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "total", "subtotal", "items.id", "items.title", "items.subtitle", "items.unit_price", "items.quantity", "items.metadata"],
    filters: { id: req.params.id },
  })
  const lineBy = new Map(result.lines.map((l) => [l.seat_claim_id, l.line_item_id]))
  res.json({
    cart: data[0],
    seats: result.held.seats.map((s) => ({
      id: s.seat_id,
      row: s.row_label,
      number: s.number,
      type: s.type,
      price: fenToMajor(s.price),
      expires_at: new Date(s.expires_at).toISOString(),
      line_item_id: lineBy.get(s.claim_id) ?? null,
    })),
  })
})
