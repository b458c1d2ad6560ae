import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../../lib/money"
import { refundVoucherWorkflow } from "../../../../../workflows/refund-voucher"

/** An operator refunds a voucher on the customer's behalf (same rules as the customer's refund). */
export async function POST(req: AuthenticatedMedusaRequest<{ note?: string }>, res: MedusaResponse) {
  const { result } = await refundVoucherWorkflow(req.scope).run({
    input: { voucher_id: req.params.id, created_by: req.auth_context.actor_id, note: req.validatedBody?.note ?? "refunded by an operator" },
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
