import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { CINEMA_MODULE } from "../modules/cinema"
import { cinemaError } from "../modules/cinema/cinema-error"
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
    const { data } = await query.graph({ entity: "cart", fields: ["id", "items.id", "items.quantity", "items.metadata", "items.product_id"], filters: { id: cartId } })
    const cart = data[0] as any
    const tickets = (cart?.items ?? []).filter((i: any) => i.metadata?.cinema?.seat_claim_id)
    // a cinema's ticket product is sold seat by seat: a plain line of it would issue a ticket for no seat
    const plain = (cart?.items ?? []).filter((i: any) => !i.metadata?.cinema?.seat_claim_id && i.product_id)
    if (plain.length) {
      const { data: products } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: plain.map((i: any) => i.product_id) } })
      if (products.some((p: any) => p?.metadata?.cinema_ticket)) {
        throw cinemaError("seat_required", "Movie tickets are sold by seat: pick the seats on the showtime's seat map.")
      }
    }
    if (!tickets.length) return new StepResponse(undefined, null)
    // one line is one seat is one voucher: a ticket line whose quantity was changed is refused
    if (tickets.some((i: any) => Number(i.quantity) !== 1)) {
      throw cinemaError("invalid_request", "A seat ticket line must have quantity 1; remove it and pick the seats again.")
    }
    const claims = tickets.map((i: any) => ({ claim_id: i.metadata.cinema.seat_claim_id, seat_id: i.metadata.cinema.seat_id, showtime_id: i.metadata.cinema.showtime_id }))
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
