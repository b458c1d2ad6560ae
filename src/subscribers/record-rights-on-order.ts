import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderFundingWorkflow } from "../workflows/record-order-funding"

export default async function recordRightsOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordOrderFundingWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
