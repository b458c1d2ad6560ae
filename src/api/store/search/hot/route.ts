import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEARCH_HISTORY_MODULE } from "../../../../modules/search"
import type SearchHistoryModuleService from "../../../../modules/search/service"

// GET /store/search/hot — what most shoppers searched for in the last 7 days
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const history: SearchHistoryModuleService = req.scope.resolve(SEARCH_HISTORY_MODULE)
  const { limit } = req.validatedQuery as { limit: number }
  res.json({ hot: await history.hotSearches(limit) })
}
