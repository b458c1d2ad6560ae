import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { captureOrderPayments } from "./capture-order-payments"

/**
 * Mall goods are paid for when they leave the warehouse: the order's authorized payments are
 * captured when its first fulfilment is created (card: the manual capture configured in
 * medusa-config.js; the system provider captures the same way).
 */
export const captureMallPaymentStep = createStep("capture-mall-payment", async (input: { order_id: string }, { container }) => {
  // no compensation: goods that left the warehouse stay paid for; a return refunds them
  return new StepResponse(await captureOrderPayments(container, input.order_id))
})
