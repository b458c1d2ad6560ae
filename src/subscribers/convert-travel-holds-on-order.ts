import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { convertTravelHoldsWorkflow } from "../workflows/convert-travel-holds"

export default async function convertTravelHoldsOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  await convertTravelHoldsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "convert-travel-holds" } }
