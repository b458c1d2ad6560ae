import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SETTLEMENT_MODULE } from "../../../../modules/settlement"
import type SettlementModuleService from "../../../../modules/settlement/service"

export async function loadBatch(req: AuthenticatedMedusaRequest) {
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const [batch] = await settlement.listSettlementBatches({ id: req.params.id })
  if (!batch) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Settlement ${req.params.id} was not found.`, "not_found")
  return { settlement, batch }
}
