import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordOrderFunding } from "./record-order-funding"
import { postMallDelivery } from "./settlement-postings"

// Postings are exactly-once by key, so there is nothing to compensate: a rerun posts what is missing.
const postMallDeliveryStep = createStep("post-mall-delivery", async (input: { fulfillment_id: string }, { container }) => {
  const posted = await postMallDelivery(container, input.fulfillment_id, (orderId) => recordOrderFunding(container, { order_id: orderId }))
  return new StepResponse({ posted })
})

/** Settlement of delivered mall goods: `delivery.created` (Medusa's "mark as delivered") starts it. */
export const postMallDeliveryWorkflow = createWorkflow("post-mall-delivery", (input: { fulfillment_id: string }) => {
  return new WorkflowResponse(postMallDeliveryStep(input))
})
