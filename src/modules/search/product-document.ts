/**
 * A product as the search index holds it. Built from one `query.graph` row (product with variants,
 * prices, stock and the linked merchant with its stores) — the same function serves the seed, the
 * event consumer and the benchmark's generator.
 */
import { search } from "@medusajs/framework/utils"
import { majorToFen } from "../../lib/money"
import { normalizeText } from "./text/normalize"
import { segmentedField } from "./text/segment"

/** The product index's name (src/search/product.ts) and what its documents are built from. */
export const PRODUCT_SEARCH_INDEX = "product"

export const PRODUCT_GRAPH_FIELDS = [
  "id",
  "handle",
  "title",
  "subtitle",
  "description",
  "status",
  "thumbnail",
  "metadata",
  "categories.handle",
  "variants.id",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.inventory.location_levels.available_quantity",
  "merchant.name",
  "merchant.stores.name",
  "merchant.stores.city",
  "merchant.stores.latitude",
  "merchant.stores.longitude",
  "merchant.stores.hours",
  "merchant.stores.status",
]

/**
 * The declared fields: what filters, facets, sorting and results use. Providers also get the rest
 * of the document — `subtitle_zh`, `names_zh`, `description_zh` (segmented), `search_text` (folded,
 * one field per line), `open_slots`, `description`, `store_names` — and index them their own way;
 * keeping them out of the declared fields keeps the Postgres provider's per-row projection small.
 */
export const PRODUCT_SEARCH_FIELDS = search.define({
  id: search.keyword().filterable(),
  handle: search.keyword().filterable(),
  title: search.text(),
  subtitle: search.text(),
  thumbnail: search.keyword(),
  scene: search.keyword().filterable().facetable(),
  city: search.keyword().filterable().facetable(),
  merchant_name: search.text(),
  price: search.integer().filterable().sortable(),
  currency_code: search.keyword(),
  in_stock: search.boolean().filterable(),
  stores_json: search.keyword(),
  geo_lat: search.float(),
  geo_lng: search.float(),
  title_zh: search.text().searchable({ weight: 10 }),
})

export const SCENE_LABELS: Record<string, string> = { meal: "美食", movie: "電影", mall: "商城", travel: "旅遊" }

/** City names in Chinese, so 上海 finds products whose city is stored as "Shanghai"; centres for stores without coordinates. */
export const CITIES: Record<string, { zh: string; lat: number; lng: number }> = {
  Shanghai: { zh: "上海", lat: 31.2304, lng: 121.4737 },
  Beijing: { zh: "北京", lat: 39.9042, lng: 116.4074 },
  Chengdu: { zh: "成都", lat: 30.5728, lng: 104.0668 },
  Guangzhou: { zh: "廣州", lat: 23.1291, lng: 113.2644 },
  Hangzhou: { zh: "杭州", lat: 30.2741, lng: 120.1551 },
  Shenzhen: { zh: "深圳", lat: 22.5431, lng: 114.0579 },
  Sanya: { zh: "三亞", lat: 18.2528, lng: 109.512 },
  "Xi'an": { zh: "西安", lat: 34.3416, lng: 108.9398 },
  Xian: { zh: "西安", lat: 34.3416, lng: 108.9398 },
  Lijiang: { zh: "麗江", lat: 26.8721, lng: 100.2299 },
  Guilin: { zh: "桂林", lat: 25.2736, lng: 110.29 },
  Xiamen: { zh: "廈門", lat: 24.4798, lng: 118.0894 },
  Qingdao: { zh: "青島", lat: 36.0671, lng: 120.3826 },
  Chongqing: { zh: "重慶", lat: 29.563, lng: 106.5516 },
  Suzhou: { zh: "蘇州", lat: 31.2989, lng: 120.5853 },
  Nanjing: { zh: "南京", lat: 32.0603, lng: 118.7969 },
  Harbin: { zh: "哈爾濱", lat: 45.8038, lng: 126.535 },
  Kunming: { zh: "昆明", lat: 25.0389, lng: 102.7183 },
  Lhasa: { zh: "拉薩", lat: 29.652, lng: 91.1721 },
  Zhangjiajie: { zh: "張家界", lat: 29.1171, lng: 110.4792 },
  "Hong Kong": { zh: "香港", lat: 22.3193, lng: 114.1694 },
}

export const SLOT_MINUTES = 15
export const SLOTS_PER_WEEK = (7 * 24 * 60) / SLOT_MINUTES

/** Week slot (15 min, Monday 00:00 = 0) of an instant in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiWeekSlot(at: Date = new Date()): number {
  const t = new Date(at.getTime() + 8 * 3600_000)
  const isoDay = ((t.getUTCDay() + 6) % 7) // Monday = 0
  const minutes = isoDay * 1440 + t.getUTCHours() * 60 + t.getUTCMinutes()
  return Math.floor(minutes / SLOT_MINUTES)
}

function toMinutes(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 24 || min > 59) return null
  return h * 60 + min
}

/**
 * Slots a store is open for, from hours `{ "1": ["10:30-22:00"], … }` (ISO weekday → periods,
 * Asia/Shanghai). A slot counts when the store is open at its start; a period past midnight
 * ("22:00-02:00") runs into the next day.
 */
export function openSlots(hours: unknown): number[] {
  const slots = new Set<number>()
  if (!hours || typeof hours !== "object") return []
  for (const [day, periods] of Object.entries(hours as Record<string, unknown>)) {
    const d = Number(day)
    if (!Number.isInteger(d) || d < 1 || d > 7 || !Array.isArray(periods)) continue
    for (const p of periods) {
      if (typeof p !== "string" || !p.includes("-")) continue
      const [a, b] = p.split("-")
      const start = toMinutes(a)
      let end = toMinutes(b)
      if (start === null || end === null) continue
      if (end <= start) end += 1440
      const base = (d - 1) * 1440
      for (let m = Math.ceil(start / SLOT_MINUTES) * SLOT_MINUTES; m < end; m += SLOT_MINUTES) {
        slots.add(Math.floor(((base + m) % (7 * 1440)) / SLOT_MINUTES))
      }
    }
  }
  return [...slots].sort((x, y) => x - y)
}

export type ProductSearchDocument = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  thumbnail: string | null
  scene: string | null
  city: string | null
  merchant_name: string | null
  store_names: string | null
  price: number | null
  currency_code: string
  in_stock: boolean
  open_slots: number[]
  stores_json: string
  geo_lat: number | null
  geo_lng: number | null
  title_norm: string
  title_zh: string
  subtitle_zh: string
  names_zh: string
  description_zh: string
  search_text: string
}

/** Only published products are searchable; anything else is left out (and so deleted from the index). */
export function productSearchDocument(row: any, currency = "cny"): ProductSearchDocument | null {
  if (!row || row.status !== "published") return null
  const meta = (row.metadata ?? {}) as Record<string, any>
  const merchant = Array.isArray(row.merchant) ? row.merchant[0] : row.merchant
  const stores = ((merchant?.stores ?? []) as any[]).filter((s) => s && s.status !== "closed")
  const scene = (typeof meta.scene === "string" && meta.scene) || row.categories?.[0]?.handle || null
  const city = (typeof meta.city === "string" && meta.city) || stores[0]?.city || null
  const cityInfo = city ? CITIES[city] : undefined

  let priceFen: number | null = null
  let inStock = false
  for (const v of (row.variants ?? []) as any[]) {
    for (const p of (v?.prices ?? []) as any[]) {
      if (String(p?.currency_code).toLowerCase() !== currency) continue
      const fen = majorToFen(Number(p.amount?.value ?? p.amount))
      if (priceFen === null || fen < priceFen) priceFen = fen
    }
    if (!v?.manage_inventory || v?.allow_backorder) inStock = true
    else {
      const levels = (v.inventory_items ?? []).flatMap((ii: any) => ii?.inventory?.location_levels ?? [])
      if (levels.some((l: any) => Number(l?.available_quantity ?? 0) > 0)) inStock = true
    }
  }
  if (!(row.variants ?? []).length) inStock = false

  const geo = stores.map((s) => {
    const has = Number.isFinite(s.latitude) && Number.isFinite(s.longitude) && !(s.latitude === 0 && s.longitude === 0)
    const centre = CITIES[s.city as string]
    return has ? { name: s.name, lat: s.latitude, lng: s.longitude } : centre ? { name: s.name, lat: centre.lat, lng: centre.lng } : { name: s.name }
  })
  if (!geo.some((g: any) => g.lat !== undefined) && cityInfo) geo.push({ name: city, lat: cityInfo.lat, lng: cityInfo.lng })
  const firstGeo = geo.find((g: any) => g.lat !== undefined) as any
  const slots = new Set<number>()
  for (const s of stores) for (const slot of openSlots(s.hours)) slots.add(slot)

  const storeNames = stores.map((s) => s.name).filter(Boolean).join(" / ") || null
  const names = [merchant?.name, storeNames, city, cityInfo?.zh, scene, scene ? SCENE_LABELS[scene] : null]
  const fields = [row.title, row.subtitle, row.description, ...names]
  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    subtitle: row.subtitle ?? null,
    description: row.description ?? null,
    thumbnail: row.thumbnail ?? null,
    scene,
    city,
    merchant_name: merchant?.name ?? null,
    store_names: storeNames,
    price: priceFen,
    currency_code: currency,
    in_stock: inStock,
    open_slots: [...slots].sort((a, b) => a - b),
    stores_json: JSON.stringify(geo),
    geo_lat: firstGeo?.lat ?? null,
    geo_lng: firstGeo?.lng ?? null,
    title_norm: normalizeText(row.title).replace(/\s+/g, " ").trim(),
    title_zh: segmentedField(row.title),
    subtitle_zh: segmentedField(row.subtitle),
    names_zh: segmentedField(...names),
    description_zh: segmentedField(row.description),
    // fields one per line: a query never spans two of them
    search_text: fields.filter(Boolean).map((f) => normalizeText(String(f)).replace(/\s+/g, " ")).join("\n"),
  }
}
