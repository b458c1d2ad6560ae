import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Mall goods are paid for when they leave the warehouse: the order's authorized payments are
 * captured when its first fulfilment is created (card: the manual capture configured in
 * medusa-config.js; the system provider captures the same way). Runs under the same lock as the
 * voucher capture, so a mixed order's two captures take turns and the second finds nothing left.
 */
export const captureMallPaymentStep = createStep("capture-mall-payment", async (input: { order_id: string }, { container }) => {
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
  // no compensation: goods that left the warehouse stay paid for; a return refunds them
  return new StepResponse(captured)
})
