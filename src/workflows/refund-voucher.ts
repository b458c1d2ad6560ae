import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { fenToMajor } from "../lib/money"
import { refundTermsFor } from "../lib/voucher-refund-terms"
import { VOUCHER_MODULE } from "../modules/voucher"
import type VoucherModuleService from "../modules/voucher/service"
import type { RefundKept } from "../modules/settlement/posting-rules"
import { postPointsMovements, postVoucherRefund } from "./settlement-postings"
import { markVoucherRefundedStep, type VoucherRefundPlan } from "./steps/mark-voucher-refunded-step"
import { refundRightsUnitStep } from "./steps/refund-rights-unit-step"

/** The ledger after the money moved; exactly-once by voucher, and the nightly catch-up retries it. */
const postRefundToLedgerStep = createStep("post-voucher-refund-to-ledger", async (input: { voucher_id: string; order_id: string; cash_fen: number; points: number; kept: RefundKept | null }, { container }) => {
  try {
    await postVoucherRefund(container, input.voucher_id, { cash_back: input.cash_fen, points_back: input.points, kept: input.kept })
    if (input.order_id) await postPointsMovements(container, { order_id: input.order_id, kinds: ["clawback", "adjust"] })
  } catch (e: any) {
    // the money already moved; never undo a refund over bookkeeping
    container.resolve("logger").warn(`ledger posting of refund ${input.voucher_id} deferred to the nightly catch-up: ${e?.message}`)
  }
  return new StepResponse(undefined)
})

/** The scene's hold on the world (a seat, a place on a departure) goes back once the money has. */
const releaseVoucherSceneStep = createStep("release-voucher-scene", async (input: { voucher_id: string; kind: string }, { container }) => {
  const terms = refundTermsFor(input.kind)
  if (!terms?.afterRefund) return new StepResponse(undefined)
  const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
  const [voucher] = await vouchers.listIssuedVouchers({ id: input.voucher_id })
  try {
    await terms.afterRefund(container, voucher as any)
  } catch (e: any) {
    // the refund stands; an unreleased seat or place is an operator's fix, never a reason to take money back
    container.resolve("logger").error(`refunded voucher ${input.voucher_id} could not release its ${input.kind} booking: ${e?.message}`)
  }
  return new StepResponse(undefined)
})

/** The part of the unused value a cancellation fee keeps for the merchant, in face-value fen. */
function keptByTerms(plan: VoucherRefundPlan): RefundKept | null {
  if (plan.refund_percent >= 100) return null
  const refundedFace = Math.floor((plan.balance_before * plan.refund_percent) / 100)
  return { redeemed_before: plan.face_value - plan.balance_before, kept_face: plan.balance_before - refundedFace }
}

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
    postRefundToLedgerStep(transform({ plan, parts }, ({ plan, parts }) => ({ voucher_id: plan.voucher_id, order_id: plan.order_id, cash_fen: parts.cash_fen, points: parts.points, kept: keptByTerms(plan) })))
    releaseVoucherSceneStep(transform({ plan }, ({ plan }) => ({ voucher_id: plan.voucher_id, kind: plan.voucher_kind })))
    const result = transform({ plan, parts }, ({ plan, parts }) => ({
      voucher_id: plan.voucher_id,
      order_id: plan.order_id,
      refund_percent: plan.refund_percent,
      refund_fen: parts.cash_fen,
      points_refunded: parts.points,
      quota_restored: parts.quota_restored,
      points_clawed_back: parts.clawed_back,
    }))
    return new WorkflowResponse(result)
  }
)
