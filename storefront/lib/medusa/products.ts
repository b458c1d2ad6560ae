import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { getRegion } from "./region"
import { getSdk } from "./sdk"

export const SCENES = ["meal", "movie", "mall", "travel"] as const
export type Scene = (typeof SCENES)[number]

export function isScene(value: string): value is Scene {
  return (SCENES as readonly string[]).includes(value)
}

const CARD_FIELDS =
  "id,title,subtitle,handle,thumbnail,metadata,*categories,*variants.calculated_price,variants.metadata"

const DETAIL_FIELDS =
  "id,title,subtitle,handle,description,thumbnail,metadata,*images,*categories,*options,*options.values," +
  "*variants,*variants.options,*variants.calculated_price,+variants.inventory_quantity"

export async function getCategory(handle: string): Promise<HttpTypes.StoreProductCategory | undefined> {
  const { product_categories } = await getSdk().store.category.list({
    handle,
    fields: "id,name,handle,description",
    limit: 1,
  })
  return product_categories[0]
}

export async function listProducts(query: {
  categoryId?: string
  limit?: number
}): Promise<HttpTypes.StoreProduct[]> {
  const region = await getRegion()
  const { products } = await getSdk().store.product.list({
    region_id: region.id,
    fields: CARD_FIELDS,
    limit: query.limit ?? 50,
    ...(query.categoryId ? { category_id: [query.categoryId] } : {}),
  })
  return products
}

export async function getProductByHandle(handle: string): Promise<HttpTypes.StoreProduct | undefined> {
  const region = await getRegion()
  const { products } = await getSdk().store.product.list({
    handle,
    region_id: region.id,
    fields: DETAIL_FIELDS,
    limit: 1,
  })
  return products[0]
}

/** A few products from every scene, interleaved (meal, movie, mall, travel, meal, …). */
export async function listFeaturedProducts(perScene = 2): Promise<HttpTypes.StoreProduct[]> {
  const products = await listProducts({ limit: 100 })
  const buckets = new Map<string, HttpTypes.StoreProduct[]>()
  for (const product of products) {
    const scene = productMeta(product).scene ?? product.categories?.[0]?.handle ?? "other"
    const bucket = buckets.get(scene) ?? []
    if (bucket.length < perScene) bucket.push(product)
    buckets.set(scene, bucket)
  }
  const order = [...SCENES, ...[...buckets.keys()].filter((k) => !isScene(k))]
  const featured: HttpTypes.StoreProduct[] = []
  for (let i = 0; i < perScene; i++) {
    for (const scene of order) {
      const product = buckets.get(scene)?.[i]
      if (product) featured.push(product)
    }
  }
  return featured
}

/** Lowest calculated price among the variants, in major units. */
export function minPrice(product: HttpTypes.StoreProduct): number | undefined {
  const amounts = (product.variants ?? [])
    .map((v) => v.calculated_price?.calculated_amount)
    .filter((a): a is number => typeof a === "number")
  return amounts.length ? Math.min(...amounts) : undefined
}

export function hasPriceRange(product: HttpTypes.StoreProduct): boolean {
  const amounts = new Set(
    (product.variants ?? []).map((v) => v.calculated_price?.calculated_amount).filter((a) => a != null)
  )
  return amounts.size > 1
}

export function productMeta(product: HttpTypes.StoreProduct): {
  scene?: string
  merchant?: string
  city?: string
} {
  const m = (product.metadata ?? {}) as Record<string, unknown>
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined)
  return { scene: str(m.scene), merchant: str(m.merchant), city: str(m.city) }
}
