import type { MedusaContainer } from "@medusajs/framework/types"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"

export async function merchantNames(container: MedusaContainer, ids: string[]) {
  if (!ids.length) return new Map<string, any>()
  const merchants: MerchantModuleService = container.resolve(MERCHANT_MODULE)
  const rows = await merchants.listMerchants({ id: [...new Set(ids)] }, { withDeleted: true } as any)
  return new Map(rows.map((m: any) => [m.id, m]))
}
