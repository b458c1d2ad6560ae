import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteLineItemsWorkflow } from "@medusajs/medusa/core-flows"
import { TRAVEL_MODULE } from "../../../../../../modules/travel"
import type TravelModuleService from "../../../../../../modules/travel/service"
import { TravelError } from "../../../../../../modules/travel/travel-error"
import { answerTravel } from "../../../../travel/travel-http"

/** Removes a booking from the cart: its lines go and its places are free again at once. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const [hold] = await travel.listTravelHolds({ id: req.params.hold_id, cart_id: req.params.id } as any, { take: 1 })
    if (!hold) throw new TravelError("not_found", `Hold ${req.params.hold_id} was not found in this cart.`, 404)
    if (hold.status === "sold") throw new TravelError("already_booked", "This booking is already paid; cancel it from the wallet.")
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "items.id", "items.metadata"], filters: { id: req.params.id } })
    const lineIds = ((cart as any)?.items ?? []).filter((i: any) => i?.metadata?.travel?.hold_id === hold.id).map((i: any) => i.id)
    if (lineIds.length) await deleteLineItemsWorkflow(req.scope).run({ input: { cart_id: req.params.id, ids: lineIds } })
    await travel.releaseHold(hold.id)
    const { data: [after] } = await query.graph({ entity: "cart", fields: ["*", "items.*", "total"], filters: { id: req.params.id } })
    res.json({ id: hold.id, object: "travel_hold", deleted: true, cart: after })
  })
}
