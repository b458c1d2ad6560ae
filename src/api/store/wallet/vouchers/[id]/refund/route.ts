import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { voucherRefundView } from "../../../../../voucher-refund-view"
import { refundVoucherWorkflow } from "../../../../../../workflows/refund-voucher"

/** The owner refunds an unused voucher, or the unused part of a stored-value one. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await refundVoucherWorkflow(req.scope).run({
    input: { voucher_id: req.params.id, customer_id: req.auth_context.actor_id, note: "refund requested by the customer" },
  })
  res.json({ refund: voucherRefundView(result) })
}
