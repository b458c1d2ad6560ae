import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TRAVEL_MODULE } from "../modules/travel"
import type TravelModuleService from "../modules/travel/service"

/**
 * A cart changed: holds whose lines were all removed (by any route, Medusa's own line-item DELETE
 * included) give their places back. Releasing is idempotent; a released hold is not re-taken.
 */
const releaseOrphanedTravelHoldsStep = createStep("release-orphaned-travel-holds", async (input: { cart_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "items.id"], filters: { id: input.cart_id } })
  if (!cart || (cart as any).completed_at) return new StepResponse({ released: 0 })
  const travel: TravelModuleService = container.resolve(TRAVEL_MODULE)
  const released = await travel.releaseOrphanedHolds(input.cart_id, ((cart as any).items ?? []).map((i: any) => i?.id).filter(Boolean))
  return new StepResponse({ released })
})

export const releaseTravelHoldsWorkflow = createWorkflow("release-travel-holds", (input: { cart_id: string }) => {
  return new WorkflowResponse(releaseOrphanedTravelHoldsStep(input))
})

/** The 15-minute holds that ran out are marked expired (their places were already free to others). */
const expireTravelHoldsStep = createStep("expire-travel-holds", async (input: { now?: string }, { container }) => {
  const travel: TravelModuleService = container.resolve(TRAVEL_MODULE)
  return new StepResponse({ expired: await travel.expireHolds(input.now ? new Date(input.now) : new Date()) })
})

export const expireTravelHoldsWorkflow = createWorkflow("expire-travel-holds", (input: { now?: string }) => {
  return new WorkflowResponse(expireTravelHoldsStep(input))
})
