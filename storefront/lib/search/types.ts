export type SearchSort = "relevance" | "distance" | "price" | "price_desc"

export type SearchParams = {
  q: string
  scene?: string
  city?: string
  sort?: SearchSort
  lat?: number
  lng?: number
  price_min?: number
  price_max?: number
  open_now?: boolean
  limit?: number
  offset?: number
}

export type SearchHit = {
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

export type SearchResult = {
  hits: SearchHit[]
  count: number
  facets: { scene: Record<string, number>; city: Record<string, number> }
  limit: number
  offset: number
}

export type RecentSearch = { q: string; searched_at: string }
export type HotSearch = { q: string; people: number }

export const SEARCH_Q_MAX = 100

/** Reads the page's query string into search parameters (unknown or malformed values dropped). */
export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  const one = (k: string) => {
    const v = raw[k]
    return typeof v === "string" ? v : Array.isArray(v) ? v[0] : undefined
  }
  const num = (k: string) => {
    const v = one(k)
    const n = v === undefined || v === "" ? NaN : Number(v)
    return Number.isFinite(n) ? n : undefined
  }
  const sort = one("sort")
  return {
    q: (one("q") ?? "").slice(0, SEARCH_Q_MAX),
    scene: one("scene") || undefined,
    city: one("city") || undefined,
    sort: sort === "distance" || sort === "price" || sort === "price_desc" ? sort : undefined,
    lat: num("lat"),
    lng: num("lng"),
    price_min: num("price_min"),
    price_max: num("price_max"),
    open_now: one("open_now") === "true" || undefined,
  }
}

/** `<mark>`-highlighted, HTML-escaped text from the API → plain pieces, marked or not (no innerHTML). */
export function highlightPieces(html: string): { text: string; mark: boolean }[] {
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
  const out: { text: string; mark: boolean }[] = []
  const re = /<mark>(.*?)<\/mark>/gs
  let last = 0
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) out.push({ text: unescape(html.slice(last, m.index)), mark: false })
    out.push({ text: unescape(m[1]), mark: true })
    last = m.index + m[0].length
  }
  if (last < html.length) out.push({ text: unescape(html.slice(last)), mark: false })
  return out
}
