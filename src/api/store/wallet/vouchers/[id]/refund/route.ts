import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../../../lib/money"
import { refundVoucherWorkflow } from "../../../../../../workflows/refund-voucher"

/** The owner refunds an unused voucher, or the unused part of a stored-value one. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await refundVoucherWorkflow(req.scope).run({
    input: { voucher_id: req.params.id, customer_id: req.auth_context.actor_id, note: "refund requested by the customer" },
  })
  res.json({
    refund: {
      voucher_id: result.voucher_id,
      order_id: result.order_id,
      amount: fenToMajor(result.refund_fen),
      currency_code: "cny",
      points_refunded: result.points_refunded,
      points_clawed_back: result.points_clawed_back,
      quota_restored: result.quota_restored,
    },
  })
}
