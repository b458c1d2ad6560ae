import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CINEMA_MODULE } from "../modules/cinema"
import type CinemaModuleService from "../modules/cinema/service"

const releaseRemovedSeatsStep = createStep("release-removed-seats", async (input: { cart_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "items.id"], filters: { id: input.cart_id } })
  const cart = data[0] as any
  if (!cart || cart.completed_at) return new StepResponse([] as string[])
  const cinema: CinemaModuleService = container.resolve(CINEMA_MODULE)
  // a released seat may already belong to someone else, so there is nothing to put back
  return new StepResponse(await cinema.releaseHoldsWithoutLine(cart.id, (cart.items ?? []).map((i: any) => i.id)))
})

/** Holds whose ticket line is no longer in the cart are let go. */
export const releaseRemovedSeatsWorkflow = createWorkflow("release-removed-seats", (input: { cart_id: string }) => {
  return new WorkflowResponse(releaseRemovedSeatsStep(input))
})
