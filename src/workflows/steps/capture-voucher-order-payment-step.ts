import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Vouchers are delivered the moment they are issued, so their payment is captured first (a mall
 * order would capture on fulfilment): a voucher never shows in a wallet before its money is in,
 * so it can always be refunded. Two runs for one order (a redelivered event) take turns on a lock
 * and the second finds nothing left to capture.
 */
export const captureVoucherOrderPaymentStep = createStep(
  "capture-voucher-order-payment",
  async (input: { order_id: string; voucher_lines: number }, { container }) => {
    if (!input.voucher_lines) return new StepResponse([] as string[], [] as string[])
    const locking = container.resolve(Modules.LOCKING)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const captured = await locking.execute(`voucher-capture:${input.order_id}`, async () => {
      const { data: [order] } = await query.graph({
        entity: "order",
        fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
        filters: { id: input.order_id },
      })
      const pending = (order?.payment_collections ?? [])
        .flatMap((pc: any) => pc?.payments ?? [])
        .filter((p: any) => p && !p.captured_at && !p.canceled_at)
      for (const p of pending) await capturePaymentWorkflow(container).run({ input: { payment_id: p.id } })
      return pending.map((p: any) => p.id as string)
    })
    return new StepResponse(captured, captured)
  },
  async (captured, { container }) => {
    // issuing failed after the capture: give the money back rather than keep it for nothing
    for (const payment_id of captured ?? []) {
      await refundPaymentWorkflow(container).run({ input: { payment_id, note: "voucher issuance failed" } })
    }
  }
)
