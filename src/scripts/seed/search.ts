import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { productSearchDocument } from "../../modules/search/product-document"
import { PRODUCT_GRAPH_FIELDS, PRODUCT_SEARCH_INDEX } from "../../modules/search/product-document"

type SeedCtx = { container: MedusaContainer; logger: Logger; created: string[] }

/**
 * Indexes the whole catalogue, waiting for every write: products were linked to merchants (and
 * stores given hours) after their `product.created` events, so the documents those events produced
 * lack the merchant. Runs last in the seed. Returns how many products are searchable.
 */
export async function indexCatalogue(ctx: SeedCtx): Promise<number> {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const search: any = ctx.container.resolve(Modules.SEARCH)
  try {
    await search.search({ entity: PRODUCT_SEARCH_INDEX, filters: { q: "seed" }, pagination: { take: 0 } })
  } catch (e) {
    // `medusa db:migrate` creates the index's first version but only the Search Module activates
    // it, by seeding it from the definition when the application starts (graphSeed over the same
    // documents). Nothing to refresh before that.
    ctx.logger.info(`[seed] search index not active yet (${(e as Error).message}); the backend fills it when it starts`)
    return 0
  }
  let indexed = 0
  const gone: string[] = []
  for (let skip = 0; ; skip += 100) {
    const { data } = await query.graph({ entity: "product", fields: PRODUCT_GRAPH_FIELDS, pagination: { skip, take: 100, order: { id: "ASC" } } })
    const docs = (data as any[]).map((row) => productSearchDocument(row))
    const keep = docs.filter((d): d is NonNullable<typeof d> => !!d)
    gone.push(...(data as any[]).filter((_, i) => !docs[i]).map((r) => r.id))
    if (keep.length) await search.upsertDocuments({ index: PRODUCT_SEARCH_INDEX, documents: keep })
    indexed += keep.length
    if (data.length < 100) break
  }
  if (gone.length) await search.deleteDocuments({ index: PRODUCT_SEARCH_INDEX, filters: { id: gone } })
  ctx.logger.info(`[seed] search index: ${indexed} products searchable`)
  return indexed
}
