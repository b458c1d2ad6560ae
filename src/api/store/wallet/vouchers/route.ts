import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { walletVouchers } from "../wallet-view"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const rows = await vouchers.listIssuedVouchers(
    { customer_id: req.auth_context.actor_id, status: { $ne: "void" } } as any,
    { order: { created_at: "DESC" }, take: 200 }
  )
  res.json({ vouchers: await walletVouchers(req.scope, vouchers, rows) })
}
