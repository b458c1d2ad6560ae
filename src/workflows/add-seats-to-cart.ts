import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { CINEMA_MODULE } from "../modules/cinema"
import { cinemaError } from "../modules/cinema/cinema-error"
import type CinemaModuleService from "../modules/cinema/service"
import { ticketLineItems } from "./steps/seat-ticket-lines"

export type AddSeatsToCartInput = { cart_id: string; showtime_id: string; seat_ids: string[] }

/** The cart must exist, be open and be in CNY before any seat is held for it. */
const checkSeatCartStep = createStep("check-seat-cart", async (input: AddSeatsToCartInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "currency_code"], filters: { id: input.cart_id } })
  const cart = data[0] as any
  if (!cart) throw cinemaError("cart_not_found", `Cart ${input.cart_id} was not found.`)
  if (cart.completed_at) throw cinemaError("cart_completed", "This cart is already checked out; start a new one.")
  if (cart.currency_code !== "cny") throw cinemaError("invalid_request", "Tickets are sold in CNY; use a cart of the China region.")
  return new StepResponse(cart)
})

/** Holds the seats (all or none, one conditional statement); compensation lets them go again. */
const holdSeatsStep = createStep(
  "hold-seats",
  async (input: AddSeatsToCartInput, { container }) => {
    const cinema: CinemaModuleService = container.resolve(CINEMA_MODULE)
    const held = await cinema.holdSeats(input)
    return new StepResponse(held, { cart_id: input.cart_id, claim_ids: held.seats.map((s) => s.claim_id) })
  },
  async (comp, { container }) => {
    if (!comp) return
    const cinema: CinemaModuleService = container.resolve(CINEMA_MODULE)
    await cinema.releaseHolds(comp.cart_id, comp.claim_ids)
  }
)

/** Records which line each hold became, so removing the line releases the seat. */
const attachSeatLinesStep = createStep("attach-seat-lines", async (input: { cart_id: string; claim_ids: string[] }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["items.id", "items.metadata"], filters: { id: input.cart_id } })
  const lines = ((data[0] as any)?.items ?? [])
    .filter((i: any) => input.claim_ids.includes(i.metadata?.cinema?.seat_claim_id))
    .map((i: any) => ({ seat_claim_id: i.metadata.cinema.seat_claim_id as string, line_item_id: i.id as string }))
  const cinema: CinemaModuleService = container.resolve(CINEMA_MODULE)
  await cinema.attachLineItems(input.cart_id, lines)
  return new StepResponse(lines)
})

/**
 * Picks seats for a cart: holds them for HOLD_MINUTES and adds one ticket line per seat (quantity
 * 1, the showtime's price for the seat type as a custom unit price, the voucher's validity and
 * details in the line's metadata) of the cinema's ticket variant for that seat type.
 */
export const addSeatsToCartWorkflow = createWorkflow("add-seats-to-cart", (input: AddSeatsToCartInput) => {
  checkSeatCartStep(input)
  const held = holdSeatsStep(input)
  const items = transform({ held }, ({ held }) => ticketLineItems(held.showtime, held.seats))
  addToCartWorkflow.runAsStep({ input: { cart_id: input.cart_id, items } as any })
  const attach = transform({ input, held }, ({ input, held }) => ({ cart_id: input.cart_id, claim_ids: held.seats.map((s) => s.claim_id) }))
  const lines = attachSeatLinesStep(attach)
  return new WorkflowResponse({ held, lines })
})
