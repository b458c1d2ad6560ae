import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEARCH_HISTORY_MODULE } from "../../../../modules/search"
import type SearchHistoryModuleService from "../../../../modules/search/service"
import { searchProducts } from "../search-products"
import { DEVICE_HEADER, searchActor } from "../search-actor"

const noActor = (res: MedusaResponse) =>
  res.status(400).json({ code: "invalid_request", message: `Sign in or send an ${DEVICE_HEADER} header (8–64 letters, digits, - or _).` })

// GET /store/search/recent — the customer's (or device's) last searches
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const actor = searchActor(req)
  if (!actor) return res.json({ recent: [] })
  const history: SearchHistoryModuleService = req.scope.resolve(SEARCH_HISTORY_MODULE)
  res.json({ recent: await history.recentSearches(actor) })
}

// POST /store/search/recent { q } — the shopper submitted a search or opened one of its results
export async function POST(req: AuthenticatedMedusaRequest<{ q: string }>, res: MedusaResponse) {
  const actor = searchActor(req)
  if (!actor) return noActor(res)
  const q = (req.validatedBody as { q: string }).q
  const { count } = await searchProducts(req.scope, { q, sort: "relevance", limit: 1, offset: 0 } as any)
  const history: SearchHistoryModuleService = req.scope.resolve(SEARCH_HISTORY_MODULE)
  await history.recordSearch({ actor, q, hits: count })
  res.status(201).json({ recent: await history.recentSearches(actor) })
}

// DELETE /store/search/recent — forget them
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const actor = searchActor(req)
  if (!actor) return noActor(res)
  const history: SearchHistoryModuleService = req.scope.resolve(SEARCH_HISTORY_MODULE)
  await history.clearRecentSearches(actor)
  res.json({ recent: [] })
}
