import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { VOUCHER_MODULE } from "../modules/voucher"
import type VoucherModuleService from "../modules/voucher/service"
import { refundVoucherWorkflow } from "./refund-voucher"
import { postVoucherExpiry } from "./settlement-postings"

/**
 * Each due voucher is handled on its own: auto-refund ones go through the refund workflow (with its
 * compensation), the rest are marked expired by one conditional update. A failure on one voucher is
 * reported and retried on the next run; it never blocks the others.
 */
const expireDueVouchersStep = createStep("expire-due-vouchers", async (input: { now?: string }, { container }) => {
  const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
  const now = input.now ? new Date(input.now) : new Date()
  const due = await vouchers.listDueForExpiry(now)
  const outcome = { expired: [] as string[], refunded: [] as string[], failed: [] as { id: string; error: string }[] }
  for (const v of due) {
    try {
      if (v.auto_refund && v.order_id) {
        await refundVoucherWorkflow(container).run({ input: { voucher_id: v.id, note: "auto-refund on expiry" } })
        outcome.refunded.push(v.id)
      } else if (await vouchers.markExpired(v.id, now)) {
        outcome.expired.push(v.id)
        // breakage to the merchant or the platform; the nightly catch-up posts it if this fails
        await postVoucherExpiry(container, v.id, now)
      }
    } catch (e: any) {
      outcome.failed.push({ id: v.id, error: String(e?.message ?? e) })
    }
  }
  return new StepResponse(outcome)
})

export const expireVouchersWorkflow = createWorkflow("expire-vouchers", (input: { now?: string }) => {
  return new WorkflowResponse(expireDueVouchersStep(input))
})
