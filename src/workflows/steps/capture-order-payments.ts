import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Captures an order's authorized payments that are not captured or canceled yet, under one lock per
 * order: voucher issuance and mall fulfilment (or a redelivered event) take turns, and the second
 * finds nothing left. Returns the payments it captured.
 */
export async function captureOrderPayments(container: MedusaContainer, orderId: string): Promise<string[]> {
  const locking = container.resolve(Modules.LOCKING)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  return locking.execute(`voucher-capture:${orderId}`, async () => {
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
      filters: { id: orderId },
    })
    const pending = (order?.payment_collections ?? [])
      .flatMap((pc: any) => pc?.payments ?? [])
      .filter((p: any) => p && !p.captured_at && !p.canceled_at)
    for (const p of pending) await capturePaymentWorkflow(container).run({ input: { payment_id: p.id } })
    return pending.map((p: any) => p.id as string)
  })
}
