import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { retrieveMerchantOr404 } from "../../load-merchant"
import { terminalView } from "../../merchant-views"
import type { AdminListTerminalsType } from "../../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { store_id, status, limit, offset } = req.validatedQuery as AdminListTerminalsType
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await retrieveMerchantOr404(merchants, req.params.id)
  const stores = await merchants.listMerchantStores({ merchant_id: req.params.id } as any, { select: ["id", "name"] })
  const storeIds = stores.map((s) => s.id).filter((id) => !store_id || id === store_id)
  if (!storeIds.length) return res.json({ terminals: [], count: 0, limit, offset })
  const [terminals, count] = await merchants.listAndCountTerminals(
    { store_id: storeIds, ...(status ? { status } : {}) },
    { skip: offset, take: limit, order: { created_at: "ASC" } }
  )
  const byId = new Map(stores.map((s) => [s.id, s]))
  res.json({ terminals: terminals.map((t: any) => terminalView({ ...t, store: byId.get(t.store_id) })), count, limit, offset })
}
