import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../../lib/money"
import { VOUCHER_MODULE } from "../../../../../modules/voucher"
import type VoucherModuleService from "../../../../../modules/voucher/service"

/**
 * The vouchers an order issued, for the operator's order page. Amounts in yuan; the code is shown
 * only as its last 4 digits (the full code is the customer's to present, never the operator's).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const issued = await vouchers.listIssuedVouchers({ order_id: req.params.id }, { relations: ["redemptions"], order: { unit_index: "ASC", created_at: "ASC" } })
  res.json({
    vouchers: issued.map((v) => ({
      id: v.id,
      title: v.title,
      kind: v.kind,
      usage: v.usage,
      status: v.status,
      balance: fenToMajor(Number(v.balance)),
      face_value: fenToMajor(Number(v.face_value)),
      currency_code: v.currency_code,
      expires_at: v.expires_at ? new Date(v.expires_at).toISOString() : null,
      code_last4: vouchers.revealCode(v).slice(-4),
      // redemptions a terminal reversed did not use the voucher
      redemptions_count: (v.redemptions ?? []).filter((r) => !r.reversed_at).length,
    })),
  })
}
