import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fenToMajor } from "../../../../../lib/money"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { VOUCHER_MODULE } from "../../../../../modules/voucher"
import type VoucherModuleService from "../../../../../modules/voucher/service"
import { walletVouchers } from "../../wallet-view"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const [row] = await vouchers.listIssuedVouchers(
    { id: req.params.id, customer_id: req.auth_context.actor_id, status: { $ne: "void" } } as any,
    { relations: ["redemptions"] }
  )
  // another customer's voucher is "not found", not "forbidden": ids reveal nothing
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Voucher ${req.params.id} not found`)
  const [voucher] = await walletVouchers(req.scope, vouchers, [row])
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const redemptions = [...(row.redemptions ?? [])].sort((a: any, b: any) => +new Date(b.created_at) - +new Date(a.created_at))
  const storeIds = [...new Set(redemptions.map((r: any) => r.store_id))]
  const stores = storeIds.length ? await merchants.listMerchantStores({ id: storeIds }, { select: ["id", "name"] }) : []
  const storeName = new Map(stores.map((s: any) => [s.id, s.name]))
  res.json({
    voucher: {
      ...voucher,
      redemptions: redemptions.map((r: any) => ({
        id: r.id,
        amount: fenToMajor(Number(r.amount)),
        created_at: r.created_at,
        reversed_at: r.reversed_at,
        store: { id: r.store_id, name: storeName.get(r.store_id) ?? "" },
      })),
    },
  })
}
