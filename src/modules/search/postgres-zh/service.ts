/**
 * Postgres search provider that understands Chinese. It is Medusa's own Postgres provider
 * (`@medusajs/search-postgres`: catalog, GIN full-text vector, filters, facets, sorting) with the
 * text match replaced:
 *
 * - documents carry `*_zh` fields segmented with Intl.Segmenter after folding to simplified script
 *   (src/search/product.ts); the query is folded and segmented the same way and each term becomes a
 *   phrase (`phraseto_tsquery`: word pieces must be adjacent, in order);
 * - every term also matches as a substring of the folded text through a positional character-bigram
 *   index (`zh_grams`, GIN) verified by LIKE on `zh_text`, so recall equals a substring (ILIKE)
 *   search in either script whatever the segmenter did — this is the pg_trgm-style fallback; pg_trgm
 *   itself extracts no trigrams from Han text under the C locale the databases use;
 * - rank: exact title first, then title prefix, title substring, then ts_rank_cd.
 *
 * Distance sort: `search_options.provider_options["postgres-zh"].around = { lat, lng }` orders by
 * the nearest store in the document's `stores_json`.
 */
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { normalizeQuery, normalizeText, queryTerms } from "../text/normalize"
import { bigramFilter, bigramVector, likePattern } from "../text/ngrams"
import { segmentWords } from "../text/segment"

export const POSTGRES_ZH_PROVIDER = "postgres-zh"

type Around = { lat: number; lng: number }

export class ChinesePostgresSearchService extends (PostgresSearchService as any) {
  static identifier = POSTGRES_ZH_PROVIDER
  declare manager_: any
  declare tsConfig_: string

  constructor(deps: any, options: any = {}) {
    super(deps, { ...options, engine: "native" })
  }

  async createDocumentTable(table: string, plan: any, manager: any) {
    await super.createDocumentTable(table, plan, manager)
    await manager.execute(`ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "zh_text" text NOT NULL DEFAULT ''`)
    await manager.execute(`ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "zh_grams" tsvector NOT NULL DEFAULT ''::tsvector`)
    await manager.execute(`ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "zh_title" text NOT NULL DEFAULT ''`)
    await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_zh_grams_idx" ON "${table}" USING GIN ("zh_grams")`)
  }

  async upsertDocuments(input: { index: string; definition: any; documents: any[] }) {
    const task = await super.upsertDocuments(input)
    if (!input.documents.length) return task
    const catalog = await this.retrieve(input.index)
    const byId = new Map<string, [string, string]>()
    for (const d of input.documents) {
      byId.set(String(d.id), [normalizeText(String(d.search_text ?? "")), normalizeQuery(String(d.title ?? ""))])
    }
    const entries = [...byId]
    for (let i = 0; i < entries.length; i += 200) {
      const chunk = entries.slice(i, i + 200)
      const params: unknown[] = []
      const rows = chunk.map(([id, [text, title]]) => {
        params.push(id, text, bigramVector(text), title)
        return `(?, ?, ?::tsvector, ?)`
      })
      await this.manager_.execute(
        `UPDATE "${catalog.table_name}" AS t SET "zh_text" = v.zh_text, "zh_grams" = v.zh_grams, "zh_title" = v.zh_title
         FROM (VALUES ${rows.join(", ")}) AS v(id, zh_text, zh_grams, zh_title) WHERE t."id" = v.id`,
        params
      )
    }
    return task
  }

  /**
   * A term matches as a phrase of its segmented words, or as a substring of the folded text: the
   * bigram index narrows (exact on its own for 1–2 characters), LIKE confirms longer terms.
   */
  keywordFragments({ query }: { query: any; catalog: any }) {
    const raw = typeof query.q === "string" ? query.q.trim() : ""
    const terms = raw ? queryTerms(raw) : []
    const cfg = this.tsConfig_
    const phrase = (term: string) => segmentWords(term).join(" ") || term
    const matchSql = terms.length
      ? (params: unknown[]) =>
          terms
            .map((term) => {
              const grams = bigramFilter(term)
              params.push(phrase(term))
              const words = `"search_vector" @@ phraseto_tsquery('${cfg}', ?)`
              if (!grams) return words
              params.push(grams.tsquery)
              if (!grams.exact) params.push(likePattern(term))
              return `(${words} OR ("zh_grams" @@ ?::tsquery${grams.exact ? "" : ` AND "zh_text" LIKE ?`}))`
            })
            .join(" AND ")
      : undefined
    const whole = terms.join(" ")
    // exact title, then title prefix, then every term in the title, then shorter titles
    const rankSql = (params: unknown[]) => {
      if (!terms.length) return `0::float4`
      params.push(whole, whole, ...terms.map((t) => likePattern(t)))
      return `(
        (CASE WHEN "zh_title" = ? THEN 1000 ELSE 0 END)
        + (CASE WHEN starts_with("zh_title", ?) THEN 200 ELSE 0 END)
        + (CASE WHEN ${terms.map(() => `"zh_title" LIKE ?`).join(" AND ")} THEN 100 ELSE 0 END)
        - least(length("zh_title"), 500) / 1000.0
      )::float8`
    }
    return { q: raw || undefined, needsBm25Limit: false, rankSql, matchSql }
  }

  resolveOrderBy(input: any, plan: any, hasScore: boolean) {
    const around: Around | undefined = input.search_options?.provider_options?.[POSTGRES_ZH_PROVIDER]?.around
    if (around && Number.isFinite(around.lat) && Number.isFinite(around.lng)) {
      const lat = Number(around.lat)
      const lng = Number(around.lng)
      // haversine in km to the nearest store with coordinates; products without one go last
      const distance = `(SELECT min(6371 * 2 * asin(sqrt(
          power(sin(radians(((s->>'lat')::float8 - ${lat}) / 2)), 2)
          + cos(radians(${lat})) * cos(radians((s->>'lat')::float8))
            * power(sin(radians(((s->>'lng')::float8 - ${lng}) / 2)), 2))))
        FROM jsonb_array_elements(coalesce(("document"->>'stores_json')::jsonb, '[]'::jsonb)) s
        WHERE s->>'lat' IS NOT NULL AND s->>'lng' IS NOT NULL)`
      return `${distance} ASC NULLS LAST${hasScore ? ", score DESC NULLS LAST" : ""}, "id" ASC`
    }
    return super.resolveOrderBy(input, plan, hasScore)
  }
}
