import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TRAVEL_MODULE } from "../modules/travel"
import type TravelModuleService from "../modules/travel/service"

/** The order's travel places: which traveller each order line is. Reads only. */
const loadOrderTravelUnitsStep = createStep("load-order-travel-units", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.metadata"], filters: { id: input.order_id } })
  const units = ((order as any)?.items ?? [])
    .filter((i: any) => i?.metadata?.travel?.traveller_id)
    .map((i: any) => ({ traveller_id: i.metadata.travel.traveller_id as string, line_item_id: i.id as string }))
  return new StepResponse({ order_id: input.order_id, units })
})

/**
 * Sold is sold: the conversion is idempotent (active → sold once per hold) and has no compensation,
 * because the order it follows is already paid; undoing it would sell the places twice.
 */
const convertTravelPlacesStep = createStep(
  "convert-travel-places",
  async (input: { order_id: string; units: { traveller_id: string; line_item_id: string }[] }, { container }) => {
    const travel: TravelModuleService = container.resolve(TRAVEL_MODULE)
    return new StepResponse(await travel.convertOrderPlaces(input))
  }
)

export const convertTravelHoldsWorkflow = createWorkflow("convert-travel-holds", (input: { order_id: string }) => {
  const units = loadOrderTravelUnitsStep(input)
  return new WorkflowResponse(convertTravelPlacesStep(units))
})
