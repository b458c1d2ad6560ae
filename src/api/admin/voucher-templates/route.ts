import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"
import { VOUCHER_MODULE } from "../../../modules/voucher"
import type VoucherModuleService from "../../../modules/voucher/service"
import type { AdminListVoucherTemplatesType, AdminUpsertVoucherTemplateType } from "./validators"
import { voucherTemplateView } from "./voucher-template-view"

const asList = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { product_variant_id, merchant_id, limit, offset } = req.validatedQuery as AdminListVoucherTemplatesType
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const filters: Record<string, string[]> = {}
  if (product_variant_id !== undefined) filters.product_variant_id = asList(product_variant_id)!
  if (merchant_id !== undefined) filters.merchant_id = asList(merchant_id)!
  const [templates, count] = await vouchers.listAndCountVoucherTemplates(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  const merchantIds = [...new Set(templates.map((t) => t.merchant_id))]
  const owners = merchantIds.length ? await merchants.listMerchants({ id: merchantIds }, { select: ["id", "name"] }) : []
  const byId = new Map(owners.map((m) => [m.id, m]))
  res.json({ voucher_templates: templates.map((t) => voucherTemplateView(t, byId.get(t.merchant_id))), count, limit, offset })
}

/** Creates or replaces the template of a product variant (one per variant). */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpsertVoucherTemplateType>, res: MedusaResponse) {
  const body = req.validatedBody
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const products = req.scope.resolve(Modules.PRODUCT)

  const [variant] = await products.listProductVariants({ id: body.product_variant_id }, { select: ["id"] })
  if (!variant) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product variant ${body.product_variant_id} does not exist.`)
  const [merchant] = await merchants.listMerchants({ id: body.merchant_id }, { select: ["id", "name"] })
  if (!merchant) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Merchant ${body.merchant_id} does not exist.`)
  const storeIds = [...new Set(body.allowed_store_ids)]
  if (storeIds.length) {
    const own = await merchants.listMerchantStores({ id: storeIds, merchant_id: merchant.id } as any, { select: ["id"] })
    const ownIds = new Set(own.map((s) => s.id))
    const foreign = storeIds.filter((id) => !ownIds.has(id))
    if (foreign.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `allowed_store_ids must be stores of merchant ${merchant.name}; not: ${foreign.join(", ")}.`)
    }
  }

  const data = {
    ...body,
    valid_from: body.validity_type === "fixed" ? body.valid_from : null,
    valid_until: body.validity_type === "fixed" ? body.valid_until : null,
    valid_days: body.validity_type === "days_after_purchase" ? body.valid_days : null,
    allowed_store_ids: { ids: storeIds },
    allowed_weekdays: { days: [...new Set(body.allowed_weekdays)].sort((a, b) => a - b) },
  }
  const existing = async () => (await vouchers.listVoucherTemplates({ product_variant_id: body.product_variant_id }, { select: ["id"] }))[0]

  let found = await existing()
  if (!found) {
    try {
      const created = await vouchers.createVoucherTemplates(data as any)
      return res.status(201).json({ voucher_template: voucherTemplateView(created, merchant) })
    } catch (e) {
      // two saves of a new variant at once: the unique index lets one create, the other updates
      found = await existing()
      if (!found) throw e
    }
  }
  const updated = await vouchers.updateVoucherTemplates({ id: found.id, ...data } as any)
  res.json({ voucher_template: voucherTemplateView(updated, merchant) })
}
