import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MERCHANT_MODULE } from "../../../../modules/merchant"
import type MerchantModuleService from "../../../../modules/merchant/service"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { voucherTemplateView } from "../voucher-template-view"

async function retrieveTemplateOr404(vouchers: VoucherModuleService, id: string) {
  const [template] = await vouchers.listVoucherTemplates({ id })
  if (!template) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Voucher template with id: ${id} was not found`)
  return template
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const template = await retrieveTemplateOr404(vouchers, req.params.id)
  const [merchant] = await merchants.listMerchants({ id: template.merchant_id }, { select: ["id", "name"] })
  res.json({ voucher_template: voucherTemplateView(template, merchant) })
}

// Vouchers already issued from this template keep their own copy of its terms.
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  await retrieveTemplateOr404(vouchers, req.params.id)
  await vouchers.softDeleteVoucherTemplates([req.params.id])
  res.json({ id: req.params.id, object: "voucher_template", deleted: true })
}
