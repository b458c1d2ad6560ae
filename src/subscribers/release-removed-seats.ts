import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseRemovedSeatsWorkflow } from "../workflows/release-removed-seats"

/** A ticket line removed from a cart (Medusa's own line-item route) gives its seat back. */
export default async function releaseRemovedSeats({ event, container }: SubscriberArgs<{ id: string }>) {
  await releaseRemovedSeatsWorkflow(container).run({ input: { cart_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "cart.updated" }
