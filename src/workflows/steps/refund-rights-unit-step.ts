import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RIGHTS_MODULE } from "../../modules/rights"
import { refundFraction } from "../../lib/voucher-refund-terms"
import { toMedusaError } from "../../modules/rights/rights-error"
import type RightsModuleService from "../../modules/rights/service"
import { recordOrderFunding } from "../record-order-funding"
import type { VoucherRefundPlan } from "./mark-voucher-refunded-step"

export type UnitRefund = { cash_fen: number; points: number; quota_restored: boolean; clawed_back: number; payment_id: string | null }

/**
 * Returns each part of a refunded voucher its own way: points to the ledger, quota to the customer
 * while its period runs; works out the cash for the card. Orders from before rights payment have no
 * funding split and refund their cash share only.
 */
export const refundRightsUnitStep = createStep(
  "refund-rights-unit",
  async (plan: VoucherRefundPlan, { container }) => {
    const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
    // a refund right after the order may beat the order.placed subscriber that records the split
    const [funded] = await rights.listOrderLineFundings({ order_id: plan.order_id }, { select: ["id"], take: 1 })
    if (!funded) await recordOrderFunding(container, { order_id: plan.order_id })
    let done
    try {
      done = await rights.refundLineUnit({
        order_id: plan.order_id,
        line_item_id: plan.line_item_id,
        ...refundFraction(plan.balance_before, plan.face_value, plan.refund_percent),
        refund_key: `voucher:${plan.voucher_id}`,
      })
    } catch (e) {
      throw toMedusaError(e)
    }
    const result: UnitRefund = done
      ? { cash_fen: done.cash, points: done.points, quota_restored: done.quota_restored, clawed_back: done.clawed_back, payment_id: plan.payment_id }
      : { cash_fen: plan.refund_fen, points: 0, quota_restored: false, clawed_back: 0, payment_id: plan.payment_id }
    if (result.cash_fen > 0 && !result.payment_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The order for this voucher has no captured payment to refund.")
    }
    return new StepResponse(result, done && !done.replay ? `voucher:${plan.voucher_id}` : null)
  },
  async (refundKey, { container }) => {
    if (!refundKey) return
    const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
    await rights.undoLineUnitRefund(refundKey)
  }
)
