import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { majorToFen } from "../../lib/money"
import { VOUCHER_MODULE } from "../../modules/voucher"
import { proRataRefundFen } from "../../modules/voucher/refund-amount"
import { refundFraction, refundTermsFor } from "../../lib/voucher-refund-terms"
import type VoucherModuleService from "../../modules/voucher/service"

export type VoucherRefundPlan = {
  voucher_id: string
  order_id: string
  line_item_id: string
  /** null when rights paid for everything: no card payment exists */
  payment_id: string | null
  /** the cash to refund when the order has no funding split (bought before rights payment existed) */
  refund_fen: number
  balance_before: number
  face_value: number
  /** of the unused value, the share going back (the scene's refund terms; 100 for most kinds) */
  refund_percent: number
  voucher_kind: string
}

/** Moves the voucher to `refunded` and works out the share of it to return; undone on failure. */
export const markVoucherRefundedStep = createStep(
  "mark-voucher-refunded",
  async (input: { voucher_id: string; customer_id?: string | null }, { container }) => {
    const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
    const [voucher] = await vouchers.listIssuedVouchers({ id: input.voucher_id, ...(input.customer_id ? { customer_id: input.customer_id } : {}) })
    if (!voucher) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Voucher ${input.voucher_id} not found`)
    if (!voucher.order_id || !voucher.line_item_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This voucher was not bought through an order, so there is nothing to refund.")
    }
    const [template] = await vouchers.listVoucherTemplates({ id: voucher.template_id })
    if (template?.refund_policy === "non_refundable") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This voucher is non-refundable.")
    }
    const terms = refundTermsFor(voucher.kind)
    const answer = terms ? await terms.refundTerms(voucher as any, new Date(), container) : { percent: 100 }
    if ("code" in answer) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, answer.message, answer.code)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "items.*", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.amount"],
      filters: { id: voucher.order_id },
    })
    const item = (order?.items ?? []).find((i: any) => i?.id === voucher.line_item_id)
    const payment = (order?.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).find((p: any) => p?.captured_at)
    if (!item) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The order line of this voucher is gone.")

    const before = await vouchers.markRefunded(voucher.id, input.customer_id ?? null)
    if (!before) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A ${voucher.status} voucher cannot be refunded.`)
    const paidFen = majorToFen(String((item as any).unit_price))
    const share = refundFraction(Number(before.balance_before), Number(before.face_value), answer.percent)
    const plan: VoucherRefundPlan = {
      voucher_id: voucher.id,
      order_id: order.id,
      line_item_id: voucher.line_item_id,
      payment_id: payment?.id ?? null,
      refund_fen: proRataRefundFen(paidFen, share.numerator, share.denominator),
      balance_before: Number(before.balance_before),
      face_value: Number(before.face_value),
      refund_percent: answer.percent,
      voucher_kind: voucher.kind,
    }
    return new StepResponse(plan, { id: voucher.id, status: before.status_before, balance: Number(before.balance_before) })
  },
  async (undo, { container }) => {
    if (!undo) return
    const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
    await vouchers.undoRefund(undo.id, undo.status, undo.balance)
  }
)
