import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureMallPaymentStep } from "./steps/capture-mall-payment-step"

/** Captures a mall order's payment on fulfilment (see the step). */
export const captureMallPaymentWorkflow = createWorkflow("capture-mall-payment", (input: { order_id: string }) => {
  return new WorkflowResponse(captureMallPaymentStep(input))
})
