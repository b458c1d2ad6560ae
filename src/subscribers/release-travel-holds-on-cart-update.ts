import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseTravelHoldsWorkflow } from "../workflows/release-travel-holds"

export default async function releaseTravelHoldsOnCartUpdate({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!event.data?.id) return
  await releaseTravelHoldsWorkflow(container).run({ input: { cart_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "cart.updated", context: { subscriberId: "release-travel-holds" } }
