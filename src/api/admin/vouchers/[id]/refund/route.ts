import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { voucherRefundView } from "../../../../voucher-refund-view"
import { refundVoucherWorkflow } from "../../../../../workflows/refund-voucher"

/** An operator refunds a voucher on the customer's behalf (same rules as the customer's refund). */
export async function POST(req: AuthenticatedMedusaRequest<{ note?: string }>, res: MedusaResponse) {
  const { result } = await refundVoucherWorkflow(req.scope).run({
    input: { voucher_id: req.params.id, created_by: req.auth_context.actor_id, note: req.validatedBody?.note ?? "refunded by an operator" },
  })
  res.json({ refund: voucherRefundView(result) })
}
