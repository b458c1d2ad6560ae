import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RIGHTS_MODULE } from "../../../../../modules/rights"
import type RightsModuleService from "../../../../../modules/rights/service"
import { requireCustomer } from "../require-customer"

/** A customer's points balance and ledger for operators. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await requireCustomer(req)
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const [balance, history] = await Promise.all([rights.pointsBalance(req.params.id), rights.listPointsHistory(req.params.id, limit, offset)])
  res.json({ balance, entries: history.entries, count: history.count, limit, offset, expiring: history.expiring })
}
