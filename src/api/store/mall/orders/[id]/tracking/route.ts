import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { trackingView } from "../../../tracking-view"

/**
 * `GET /store/mall/orders/:id/tracking` → `{ tracking: { order_id, state, parcels } }` for the
 * customer's own order (someone else's answers like no order). Medusa's store order route leaves
 * out fulfilment labels, so the tracking numbers come from here.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "fulfillments.id", "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at", "fulfillments.labels.tracking_number"],
    filters: { id: req.params.id },
  })
  if (!order || order.customer_id !== req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found.`, "not_found")
  }
  res.json({ tracking: { order_id: order.id, ...trackingView((order.fulfillments ?? []) as any[]) } })
}
