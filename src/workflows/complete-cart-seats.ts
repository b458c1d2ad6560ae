import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { CINEMA_MODULE } from "../modules/cinema"
import type CinemaModuleService from "../modules/cinema/service"

/**
 * Completing a cart books its seats: once the order exists, every ticket line's hold becomes a
 * booking of the new order, all or none, in one statement that accepts only this cart's unexpired
 * holds. If a hold ran out, the checkout fails with 409 seat_hold_expired: the workflow rolls back,
 * the order is not placed and the payment authorisation is cancelled. (A hook takes one handler:
 * `validate` belongs to the rights checkout and `beforePaymentAuthorization` to travel.)
 */
// typed as internal by Medusa, but a declared hook of the workflow (createHook "orderCreated")
;(completeCartWorkflow.hooks as any).orderCreated(
  async ({ order_id, cart_id }: { order_id: string; cart_id: string }, { container }: { container: any }) => {
    const cartId = cart_id
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["id", "items.id", "items.metadata"], filters: { id: cartId } })
    const cart = data[0] as any
    const claims = (cart?.items ?? [])
      .map((i: any) => i.metadata?.cinema)
      .filter((c: any) => c?.seat_claim_id)
      .map((c: any) => ({ claim_id: c.seat_claim_id, seat_id: c.seat_id, showtime_id: c.showtime_id }))
    if (!claims.length) return new StepResponse(undefined, null)
    const orderId = order_id
    const cinema: CinemaModuleService = container.resolve(CINEMA_MODULE)
    await cinema.bookCartSeats({ cart_id: cartId, order_id: orderId, claims })
    return new StepResponse(undefined, { cart_id: cartId, order_id: orderId })
  },
  async (booked: { cart_id: string; order_id: string } | null, { container }: { container: any }) => {
    if (!booked) return
    const cinema: CinemaModuleService = container.resolve(CINEMA_MODULE)
    await cinema.unbookCartSeats(booked.cart_id, booked.order_id)
  }
)
