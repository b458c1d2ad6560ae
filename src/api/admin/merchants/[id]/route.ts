import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MERCHANT_MODULE } from "../../../../modules/merchant"
import type MerchantModuleService from "../../../../modules/merchant/service"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { retrieveMerchantOr404 } from "../load-merchant"
import { merchantView } from "../merchant-views"
import { settlementAccountColumns } from "../settlement-account"
import type { AdminUpdateMerchantType } from "../validators"

async function merchantWithCounts(merchants: MerchantModuleService, id: string) {
  const merchant = await retrieveMerchantOr404(merchants, id)
  const stores = await merchants.listMerchantStores({ merchant_id: id } as any, { select: ["id"] })
  const terminals = stores.length ? await merchants.listTerminals({ store_id: stores.map((s) => s.id) }, { select: ["id"] }) : []
  return merchantView(merchant, { store_count: stores.length, terminal_count: terminals.length })
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  res.json({ merchant: await merchantWithCounts(merchants, req.params.id) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateMerchantType>, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await retrieveMerchantOr404(merchants, req.params.id)
  const { settlement_account, ...fields } = req.validatedBody
  await merchants.updateMerchants({
    id: req.params.id,
    ...fields,
    ...(settlement_account !== undefined ? settlementAccountColumns(settlement_account) : {}),
  } as any)
  res.json({ merchant: await merchantWithCounts(merchants, req.params.id) })
}

// A merchant whose vouchers are on sale or in customers' wallets is suspended, not deleted.
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = req.params.id
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  await retrieveMerchantOr404(merchants, id)
  const [, templates] = await vouchers.listAndCountVoucherTemplates({ merchant_id: id }, { take: 1, select: ["id"] })
  const [, outstanding] = await vouchers.listAndCountIssuedVouchers(
    { merchant_id: id, status: ["active", "partially_redeemed"] } as any,
    { take: 1, select: ["id"] }
  )
  if (templates || outstanding) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Merchant ${id} has ${templates} voucher template(s) and ${outstanding} unused voucher(s); remove the templates and let the vouchers run out, or suspend the merchant instead.`
    )
  }
  await merchants.softDeleteMerchantWithBranches(id)
  res.json({ id, object: "merchant", deleted: true })
}
