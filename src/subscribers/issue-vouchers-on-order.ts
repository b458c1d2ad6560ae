import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { issueOrderVouchersWorkflow } from "../workflows/issue-order-vouchers"

export default async function issueVouchersOnOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  await issueOrderVouchersWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
