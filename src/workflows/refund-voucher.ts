import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { fenToMajor } from "../lib/money"
import { postVoucherRefund } from "./settlement-postings"
import { markVoucherRefundedStep } from "./steps/mark-voucher-refunded-step"
import { refundRightsUnitStep } from "./steps/refund-rights-unit-step"

/** The ledger after the money moved; exactly-once by voucher, and the nightly catch-up retries it. */
const postRefundToLedgerStep = createStep("post-voucher-refund-to-ledger", async (input: { voucher_id: string; cash_fen: number; points: number }, { container }) => {
  try {
    await postVoucherRefund(container, input.voucher_id, { cash_back: input.cash_fen, points_back: input.points })
  } catch (e: any) {
    // the money already moved; never undo a refund over bookkeeping
    container.resolve("logger").warn(`ledger posting of refund ${input.voucher_id} deferred to the nightly catch-up: ${e?.message}`)
  }
  return new StepResponse(undefined)
})

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
    postRefundToLedgerStep(transform({ plan, parts }, ({ plan, parts }) => ({ voucher_id: plan.voucher_id, cash_fen: parts.cash_fen, points: parts.points })))
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
