import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { postMallDeliveryWorkflow } from "../workflows/post-mall-delivery"

/** Delivered mall goods settle to their merchant (Medusa emits `delivery.created` with the fulfilment's id). */
export default async function postMallDeliveryOnDelivery({ event, container }: SubscriberArgs<{ id: string }>) {
  await postMallDeliveryWorkflow(container).run({ input: { fulfillment_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "delivery.created" }
