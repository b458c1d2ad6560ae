import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { captureOrderPayments } from "./capture-order-payments"

/**
 * Vouchers are delivered the moment they are issued, so their payment is captured first (a mall
 * order would capture on fulfilment): a voucher never shows in a wallet before its money is in,
 * so it can always be refunded.
 */
export const captureVoucherOrderPaymentStep = createStep(
  "capture-voucher-order-payment",
  async (input: { order_id: string; voucher_lines: number }, { container }) => {
    if (!input.voucher_lines) return new StepResponse([] as string[], [] as string[])
    const captured = await captureOrderPayments(container, input.order_id)
    return new StepResponse(captured, captured)
  },
  async (captured, { container }) => {
    // issuing failed after the capture: give the money back rather than keep it for nothing
    for (const payment_id of captured ?? []) {
      await refundPaymentWorkflow(container).run({ input: { payment_id, note: "voucher issuance failed" } })
    }
  }
)
