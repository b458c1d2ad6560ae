import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { fenToMajor } from "../lib/money"
import { markVoucherRefundedStep } from "./steps/mark-voucher-refunded-step"
import { refundRightsUnitStep } from "./steps/refund-rights-unit-step"

/**
 * Refunds an unused (or the unused part of a) voucher: the voucher first, then points and quota
 * back to the customer, then the cash through the payment provider; a failure undoes the earlier steps.
 */
export const refundVoucherWorkflow = createWorkflow(
  "refund-voucher",
  (input: { voucher_id: string; customer_id?: string | null; created_by?: string; note?: string }) => {
    const plan = markVoucherRefundedStep(input)
    const parts = refundRightsUnitStep(plan)
    const refund = transform({ plan, parts, input }, ({ plan, parts, input }) => ({
      payment_id: parts.payment_id as string,
      amount: fenToMajor(parts.cash_fen),
      created_by: input.created_by,
      note: input.note ?? `voucher ${plan.voucher_id}`,
    }))
    when({ parts }, ({ parts }) => parts.cash_fen > 0).then(() => {
      refundPaymentWorkflow.runAsStep({ input: refund })
    })
    const result = transform({ plan, parts }, ({ plan, parts }) => ({
      voucher_id: plan.voucher_id,
      order_id: plan.order_id,
      refund_fen: parts.cash_fen,
      points_refunded: parts.points,
      quota_restored: parts.quota_restored,
      points_clawed_back: parts.clawed_back,
    }))
    return new WorkflowResponse(result)
  }
)
