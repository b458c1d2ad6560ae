import { MedusaError } from "@medusajs/framework/utils"
import type MerchantModuleService from "../../../modules/merchant/service"

export async function retrieveMerchantOr404(merchants: MerchantModuleService, id: string) {
  const [merchant] = await merchants.listMerchants({ id })
  if (!merchant) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Merchant with id: ${id} was not found`)
  return merchant
}

/** A store that belongs to this merchant; a store of another merchant answers like a missing one. */
export async function retrieveStoreOfMerchantOr404(merchants: MerchantModuleService, merchantId: string, storeId: string) {
  await retrieveMerchantOr404(merchants, merchantId)
  const [store] = await merchants.listMerchantStores({ id: storeId, merchant_id: merchantId } as any)
  if (!store) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Store with id: ${storeId} was not found for merchant ${merchantId}`)
  return store
}
