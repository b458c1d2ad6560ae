import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { postVoucherActivityWorkflow } from "../workflows/post-voucher-activity"

// A busy stored-value card can be redeemed many times a second; its postings are caught up once
// per window instead of once per redemption, off the till's request. A crash inside the window
// loses nothing: the nightly batch posts whatever is still missing first.
const WINDOW_MS = Number(process.env.SETTLEMENT_POSTING_WINDOW_MS || 2000)
const dirty = new Map<string, MedusaContainer>()
let timer: NodeJS.Timeout | null = null

async function flush() {
  timer = null
  const batch = [...dirty.entries()]
  dirty.clear()
  if (!batch.length) return
  const container = batch[0][1]
  const voucherIds = batch.map(([id]) => id)
  try {
    // one run for the window's vouchers: the workflow's own bookkeeping is paid once, not per card
    await postVoucherActivityWorkflow(container).run({ input: { voucher_ids: voucherIds } })
  } catch (e: any) {
    container.resolve("logger").warn(`posting ${voucherIds.length} vouchers' activity deferred to the nightly catch-up: ${e?.message}`)
  }
}

export default async function postVoucherActivityOnRedemption({ event, container }: SubscriberArgs<{ voucher_id: string }>) {
  dirty.set(event.data.voucher_id, container)
  timer ??= setTimeout(() => void flush(), WINDOW_MS)
}

export const config: SubscriberConfig = { event: ["voucher.redeemed", "voucher.redemption_reversed"] }
