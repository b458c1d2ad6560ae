/**
 * One product search through Medusa's Search Module, shaped for the store API. Whatever provider
 * serves the index (Chinese-aware Postgres by default, Meilisearch with MEILISEARCH_HOST), the
 * query is folded to simplified script first and the highlight is computed here the same way.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { fenToMajor } from "../../../lib/money"
import { highlight } from "../../../modules/search/text/highlight"
import { normalizeQuery } from "../../../modules/search/text/normalize"
import { shanghaiWeekSlot } from "../../../modules/search/product-document"
import { majorToFen } from "../../../lib/money"
import { PRODUCT_SEARCH_INDEX } from "../../../modules/search/product-document"
import type { SearchQueryInput } from "../../search-middlewares"

export type StoreSearchHit = {
  product_id: string
  handle: string
  title: string
  subtitle: string | null
  scene: string | null
  city: string | null
  merchant_name: string | null
  thumbnail: string | null
  price: number | null
  in_stock: boolean
  distance_km: number | null
  highlight: { title: string | null; subtitle: string | null; merchant_name: string | null }
}

export type StoreSearchResult = {
  hits: StoreSearchHit[]
  count: number
  facets: { scene: Record<string, number>; city: Record<string, number> }
  limit: number
  offset: number
}

function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

function nearest(storesJson: unknown, at?: { lat: number; lng: number }): number | null {
  if (!at || typeof storesJson !== "string") return null
  try {
    const ds = (JSON.parse(storesJson) as any[]).filter((s) => Number.isFinite(s?.lat) && Number.isFinite(s?.lng)).map((s) => km(at, s))
    return ds.length ? Math.round(Math.min(...ds) * 10) / 10 : null
  } catch {
    return null
  }
}

function facetCounts(facet: any): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of facet?.values ?? []) out[String(v.value)] = Number(v.count)
  return out
}

export async function searchProducts(container: MedusaContainer, input: SearchQueryInput, now = new Date()): Promise<StoreSearchResult> {
  const search: any = container.resolve(Modules.SEARCH)
  const q = normalizeQuery(input.q)
  const filters: Record<string, unknown>[] = []
  if (input.scene) filters.push({ scene: input.scene })
  if (input.city) filters.push({ city: input.city })
  if (input.price_min !== undefined || input.price_max !== undefined) {
    filters.push({
      price: {
        ...(input.price_min !== undefined ? { $gte: majorToFen(input.price_min) } : {}),
        ...(input.price_max !== undefined ? { $lte: majorToFen(input.price_max) } : {}),
      },
    })
  }
  if (input.in_stock) filters.push({ in_stock: true })

  const at = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined
  const order =
    input.sort === "price" ? { price: "ASC" as const, _score: "DESC" as const }
    : input.sort === "price_desc" ? { price: "DESC" as const, _score: "DESC" as const }
    : undefined
  const distance = input.sort === "distance" && at
  // "open now" and distance are provider options: the Postgres provider keeps the week's open slots
  // and store coordinates in columns of its own, Meilisearch in `open_slots` and `_geo`
  const openSlot = input.open_now ? shanghaiWeekSlot(now) : undefined
  const providerOptions = {
    "postgres-zh": { ...(distance ? { around: at } : {}), ...(openSlot !== undefined ? { open_slot: openSlot } : {}) },
    meilisearch: { ...(distance ? { around: at } : {}), ...(openSlot !== undefined ? { open_slot: openSlot } : {}) },
  }
  const result = await search.search({
    entity: PRODUCT_SEARCH_INDEX,
    fields: ["id", "handle", "title", "subtitle", "scene", "city", "merchant_name", "thumbnail", "price", "in_stock", "stores_json"],
    filters: { q, ...(filters.length ? { $and: filters } : {}) },
    pagination: { skip: input.offset, take: input.limit, ...(order ? { order } : {}) },
    search_options: {
      facets: ["scene", "city"],
      disjunctive_facets: true,
      provider_options: providerOptions,
    },
  })

  const hits: StoreSearchHit[] = (result.hits ?? []).map((h: any) => {
    const d = h.document ?? {}
    return {
      product_id: d.id ?? h.id,
      handle: d.handle,
      title: d.title,
      subtitle: d.subtitle ?? null,
      scene: d.scene ?? null,
      city: d.city ?? null,
      merchant_name: d.merchant_name ?? null,
      thumbnail: d.thumbnail ?? null,
      price: typeof d.price === "number" ? fenToMajor(d.price) : null,
      in_stock: d.in_stock !== false,
      distance_km: nearest(d.stores_json, at),
      highlight: {
        title: highlight(d.title, q),
        subtitle: highlight(d.subtitle, q),
        merchant_name: highlight(d.merchant_name, q),
      },
    }
  })
  return {
    hits,
    count: Number(result.metadata?.count ?? hits.length),
    facets: { scene: facetCounts(result.facets?.scene), city: facetCounts(result.facets?.city) },
    limit: input.limit,
    offset: input.offset,
  }
}
