import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { retrieveMerchantOr404 } from "../../load-merchant"
import { storeView } from "../../merchant-views"
import type { AdminCreateStoreType, AdminListStoresType } from "../../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery as AdminListStoresType
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await retrieveMerchantOr404(merchants, req.params.id)
  const [stores, count] = await merchants.listAndCountMerchantStores(
    { merchant_id: req.params.id, ...(status ? { status } : {}) } as any,
    { skip: offset, take: limit, order: { created_at: "ASC" } }
  )
  res.json({ stores: stores.map(storeView), count, limit, offset })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateStoreType>, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await retrieveMerchantOr404(merchants, req.params.id)
  const store = await merchants.createMerchantStores({ ...req.validatedBody, merchant_id: req.params.id } as any)
  res.status(201).json({ store: storeView(store) })
}
