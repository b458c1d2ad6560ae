import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { redeemVoucherStep, RedeemVoucherInput } from "./steps/redeem-voucher-step"

export const redeemVoucherWorkflow = createWorkflow("redeem-voucher", (input: RedeemVoucherInput) => {
  const result = redeemVoucherStep(input)
  return new WorkflowResponse(result)
})
