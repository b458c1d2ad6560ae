import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SearchQueryInput } from "../../search-middlewares"
import { searchProducts } from "./search-products"

// GET /store/search?q=&scene=&city=&sort=relevance|distance|price|price_desc&lat=&lng=&price_min=&price_max=&open_now=&limit=&offset=
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await searchProducts(req.scope, req.validatedQuery as unknown as SearchQueryInput))
}
