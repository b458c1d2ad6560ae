import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../../modules/merchant/service"
import { retrieveStoreOfMerchantOr404 } from "../../../load-merchant"
import { storeView } from "../../../merchant-views"
import type { AdminUpdateStoreType } from "../../../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const store = await retrieveStoreOfMerchantOr404(merchants, req.params.id, req.params.store_id)
  res.json({ store: storeView(store) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateStoreType>, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await retrieveStoreOfMerchantOr404(merchants, req.params.id, req.params.store_id)
  const store = await merchants.updateMerchantStores({ id: req.params.store_id, ...req.validatedBody } as any)
  res.json({ store: storeView(store) })
}

// Removing a branch removes its terminals too: their keys stop authenticating at once.
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await retrieveStoreOfMerchantOr404(merchants, req.params.id, req.params.store_id)
  await merchants.softDeleteStoresWithTerminals([req.params.store_id])
  res.json({ id: req.params.store_id, object: "merchant_store", deleted: true })
}
