import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RIGHTS_MODULE } from "../../../../modules/rights"
import type RightsModuleService from "../../../../modules/rights/service"

/** The customer's points ledger, newest first, and the next points to expire. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, { limit: number; offset: number }>, res: MedusaResponse) {
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const customerId = req.auth_context.actor_id
  const [balance, history] = await Promise.all([rights.pointsBalance(customerId), rights.listPointsHistory(customerId, limit, offset)])
  res.json({ balance, entries: history.entries, count: history.count, limit, offset, expiring: history.expiring })
}
