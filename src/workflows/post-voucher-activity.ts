import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postVoucherActivity } from "./settlement-postings"

const postVoucherActivityStep = createStep("post-voucher-activity", async (input: { voucher_id: string }, { container }) => {
  return new StepResponse({ posted: await postVoucherActivity(container, input.voucher_id) })
})

/** Posts a voucher's redemptions and reversals to the ledger; exactly-once per redemption, safe to repeat. */
export const postVoucherActivityWorkflow = createWorkflow("post-voucher-activity", (input: { voucher_id: string }) => {
  return new WorkflowResponse(postVoucherActivityStep(input))
})
