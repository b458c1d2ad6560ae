import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postVoucherActivity } from "./settlement-postings"

const postVoucherActivityStep = createStep("post-voucher-activity", async (input: { voucher_ids: string[] }, { container }) => {
  try {
    return new StepResponse({ posted: await postVoucherActivity(container, input.voucher_ids), deferred: [] as string[] })
  } catch {
    // one voucher that cannot post must not hold the others back until the nightly catch-up
    let posted = 0
    const deferred: string[] = []
    for (const id of input.voucher_ids) {
      try {
        posted += await postVoucherActivity(container, id)
      } catch (e: any) {
        deferred.push(id)
        container.resolve("logger").warn(`posting voucher ${id} deferred to the nightly catch-up: ${e?.message}`)
      }
    }
    return new StepResponse({ posted, deferred })
  }
})

/** Posts vouchers' redemptions and reversals to the ledger; exactly-once per redemption, safe to repeat. */
export const postVoucherActivityWorkflow = createWorkflow("post-voucher-activity", (input: { voucher_ids: string[] }) => {
  return new WorkflowResponse(postVoucherActivityStep(input))
})
