import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { captureMallPaymentWorkflow } from "../workflows/capture-mall-payment"

/** Mall goods are captured when the order's fulfilment is created in Medusa's admin. */
export default async function captureMallPaymentOnFulfillment({ event, container }: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  await captureMallPaymentWorkflow(container).run({ input: { order_id: event.data.order_id } })
}

export const config: SubscriberConfig = { event: "order.fulfillment_created" }
