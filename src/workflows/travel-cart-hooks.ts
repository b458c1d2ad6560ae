import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { TRAVEL_MODULE } from "../modules/travel"
import { departureWindow } from "../modules/travel/booking-line"
import type TravelModuleService from "../modules/travel/service"
import { isTravelError } from "../modules/travel/travel-error"

/**
 * Right before the payment is authorised, a cart with travel places must still hold them: each
 * travel line is one traveller of a hold of this cart, its voucher window is its departure day, and
 * a hold that ran out is taken again only if the places are still free (else 400 sold_out). Holds
 * are extended so they cannot lapse before order.placed turns them into sold places. A travel
 * package added through Medusa's plain line-item route (no traveller, no hold) is refused.
 */
// declared by completeCartWorkflow but left out of its typed hooks (the rights module has `validate`)
const beforePaymentAuthorization = (completeCartWorkflow.hooks as any).beforePaymentAuthorization as (
  fn: (data: { input: { id: string } }, ctx: { container: any }) => Promise<StepResponse<undefined, undefined>>
) => void

beforePaymentAuthorization(async ({ input }, { container }) => {
  const cartId = (input as any).id as string
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "items.id", "items.quantity", "items.variant_id", "items.metadata"], filters: { id: cartId } })
  const items = ((cart as any)?.items ?? []).filter(Boolean)
  if (!items.length) return new StepResponse(undefined)
  const travel: TravelModuleService = container.resolve(TRAVEL_MODULE)
  const variantIds = [...new Set(items.map((i: any) => i.variant_id).filter(Boolean))] as string[]
  const packages = variantIds.length ? await travel.listTravelPackages({ variant_id: variantIds } as any, { select: ["id", "variant_id"] }) : []
  const bookingVariants = new Set(packages.map((p: any) => p.variant_id))
  const travelItems = items.filter((i: any) => bookingVariants.has(i.variant_id) || i.metadata?.travel)
  if (!travelItems.length) return new StepResponse(undefined)
  const refuse = (code: string, message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
  if (travelItems.some((i: any) => !i.metadata?.travel?.traveller_id)) {
    throw refuse("travel_booking_required", "A travel package is booked with its departure and travellers on the package page.")
  }
  const departures = await travel.listTravelDepartures({ id: [...new Set(travelItems.map((i: any) => i.metadata.travel.departure_id))] } as any)
  for (const i of travelItems) {
    const d = departures.find((x: any) => x.id === i.metadata.travel.departure_id)
    const w = d ? departureWindow(d.date) : null
    if (!w || i.metadata.voucher?.valid_from !== w.valid_from || i.metadata.voucher?.expires_at !== w.expires_at) {
      throw refuse("invalid_travel_line", "A travel place in this cart was changed; remove it and book again.")
    }
  }
  try {
    await travel.confirmCartHolds({
      cart_id: cartId,
      lines: travelItems.map((i: any) => ({ id: i.id, quantity: Number(i.quantity), traveller_id: i.metadata.travel.traveller_id })),
    })
  } catch (e) {
    if (isTravelError(e)) throw refuse(e.code, e.message)
    throw e
  }
  return new StepResponse(undefined)
})
