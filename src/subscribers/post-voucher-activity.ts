import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { postVoucherActivityWorkflow } from "../workflows/post-voucher-activity"

export default async function postVoucherActivityOnRedemption({ event, container }: SubscriberArgs<{ voucher_id: string }>) {
  await postVoucherActivityWorkflow(container).run({ input: { voucher_id: event.data.voucher_id } })
}

export const config: SubscriberConfig = { event: ["voucher.redeemed", "voucher.redemption_reversed"] }
