/**
 * The product search index (Medusa Search Module). Every published Medusa product — meal vouchers,
 * movie tickets, mall goods, travel packages — with its merchant, stores, price and stock; Chinese
 * text is folded to simplified script and segmented (`*_zh`, see src/modules/search/product-document.ts).
 * Kept fresh by events: product, variant (prices), inventory level, merchant and store changes.
 */
import { defineSearchIndex, graphConsume, graphSeed } from "@medusajs/framework/utils"
import {
  PRODUCT_GRAPH_FIELDS,
  PRODUCT_SEARCH_FIELDS,
  PRODUCT_SEARCH_INDEX,
  productSearchDocument,
} from "../modules/search/product-document"

// Constants live beside the document builder: importing this file registers the index, which only
// Medusa's loader should do.
export { PRODUCT_GRAPH_FIELDS, PRODUCT_SEARCH_INDEX }

const toDocuments = (rows: any[]) => rows.map((r) => productSearchDocument(r)).filter((d): d is NonNullable<typeof d> => !!d) as any[]

const ids = (v: unknown) => [...new Set((Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string"))] as string[]

/** The products an event touches (variants, stock levels, merchants and stores point at products). */
async function productIdsFor(event: any, context: any): Promise<string[]> {
  const name: string = event.name
  const data = event.data ?? {}
  const query = context.container.query
  const eventIds = ids(data.ids ?? data.id)
  if (!eventIds.length) return []
  try {
    if (name.startsWith("product.")) return eventIds
    if (name.startsWith("product-variant.")) {
      if (data.product_id) return ids(data.product_id)
      const { data: rows } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: eventIds }, withDeleted: true })
      return ids(rows.map((r: any) => r.product_id))
    }
    if (name.startsWith("inventory-level.")) {
      const { data: rows } = await query.graph({ entity: "inventory_level", fields: ["inventory_item.variants.product_id"], filters: { id: eventIds } })
      return ids(rows.flatMap((r: any) => (r.inventory_item?.variants ?? []).map((v: any) => v?.product_id)))
    }
    if (name.startsWith("merchant-store.") || name.startsWith("merchant.merchant-store.")) {
      const { data: rows } = await query.graph({ entity: "merchant_store", fields: ["merchant.products.id"], filters: { id: eventIds }, withDeleted: true })
      return ids(rows.flatMap((r: any) => (r.merchant?.products ?? []).map((p: any) => p?.id)))
    }
    if (name.startsWith("merchant.")) {
      const { data: rows } = await query.graph({ entity: "merchant", fields: ["products.id"], filters: { id: eventIds } })
      return ids(rows.flatMap((r: any) => (r.products ?? []).map((p: any) => p?.id)))
    }
  } catch (e) {
    context.container.logger?.warn?.(`[search] could not resolve products for ${name}: ${(e as Error).message}`)
  }
  return []
}

export const productSearchIndex = defineSearchIndex({
  name: PRODUCT_SEARCH_INDEX,
  entity: "product",
  fields: PRODUCT_SEARCH_FIELDS,
  events: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "merchant.updated",
    "merchant-store.created",
    "merchant-store.updated",
    "merchant-store.deleted",
    "merchant.merchant-store.created",
    "merchant.merchant-store.updated",
  ],
  consume: graphConsume({
    fields: PRODUCT_GRAPH_FIELDS,
    resolve_ids: productIdsFor,
    is_delete: (event: any) => event.name === "product.deleted",
    transform: toDocuments,
  }),
  seed: graphSeed({ fields: PRODUCT_GRAPH_FIELDS, batch_size: 100, transform: toDocuments }),
})
