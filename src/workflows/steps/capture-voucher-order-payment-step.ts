import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Vouchers are delivered the moment they are issued, so their payment is captured then (a mall
 * order would capture on fulfilment). Runs last: nothing after it can fail and need it undone.
 */
export const captureVoucherOrderPaymentStep = createStep(
  "capture-voucher-order-payment",
  async (input: { order_id: string; issued_count: number }, { container }) => {
    if (!input.issued_count) return new StepResponse([] as string[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
      filters: { id: input.order_id },
    })
    const pending = (order?.payment_collections ?? [])
      .flatMap((pc: any) => pc?.payments ?? [])
      .filter((p: any) => p && !p.captured_at && !p.canceled_at)
    for (const p of pending) {
      await capturePaymentWorkflow(container).run({ input: { payment_id: p.id } })
    }
    return new StepResponse(pending.map((p: any) => p.id as string))
  }
)
