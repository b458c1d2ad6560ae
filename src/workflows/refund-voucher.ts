import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { fenToMajor } from "../lib/money"
import { markVoucherRefundedStep } from "./steps/mark-voucher-refunded-step"

/** Refunds an unused (or the unused part of a) voucher: voucher first, then cash via the provider. */
export const refundVoucherWorkflow = createWorkflow(
  "refund-voucher",
  (input: { voucher_id: string; customer_id?: string | null; created_by?: string; note?: string }) => {
    const plan = markVoucherRefundedStep(input)
    const refund = transform({ plan, input }, ({ plan, input }) => ({
      payment_id: plan.payment_id,
      amount: fenToMajor(plan.refund_fen),
      created_by: input.created_by,
      note: input.note ?? `voucher ${plan.voucher_id}`,
    }))
    when({ plan }, ({ plan }) => plan.refund_fen > 0).then(() => {
      refundPaymentWorkflow.runAsStep({ input: refund })
    })
    return new WorkflowResponse(plan)
  }
)
