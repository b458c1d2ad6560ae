/**
 * Postgres search provider that understands Chinese. It is Medusa's own Postgres provider
 * (`@medusajs/search-postgres`: catalog, filters, facets, sorting, paging) with the text match
 * replaced, using columns of its own beside Medusa's:
 *
 * - `zh_vec`: weighted full-text vector over the segmented, simplified-folded fields the index
 *   definition sends (`title_zh` A, `subtitle_zh` B, `names_zh` C, `description_zh` D; see
 *   src/modules/search/product-document.ts). The query is folded and segmented the same way and each
 *   whitespace-separated term becomes a phrase (`phraseto_tsquery`: word pieces adjacent, in order).
 * - `zh_grams` + `zh_text`: every term also matches as a substring of the folded text, through a
 *   positional character-bigram index (GIN) that is exact on its own for 1–2 characters and narrows
 *   longer terms for a LIKE to confirm — so recall equals an ILIKE substring search in either script.
 *   This is the trigram-style fallback; pg_trgm itself extracts no trigrams from Han text under the
 *   C locale the databases are created with.
 * - `zh_title`: the folded title, for ranking: exact title, then title prefix, then every term in the
 *   title, then shorter titles.
 * - `zh_slots`: the week's 15-minute slots some store is open (`open_slots`), for "open now".
 *
 * Per-query options under `search_options.provider_options["postgres-zh"]`:
 * `around: { lat, lng }` orders by the nearest store (`stores_json`), `open_slot: n` keeps products
 * with a store open in slot n.
 */
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { normalizeQuery, normalizeText, queryTerms } from "../text/normalize"
import { bigramFilter, bigramVector, likePattern } from "../text/ngrams"
import { segmentWords } from "../text/segment"

export const POSTGRES_ZH_PROVIDER = "postgres-zh"

type Around = { lat: number; lng: number }

const ZH_WEIGHTS: [string, string][] = [["title_zh", "A"], ["subtitle_zh", "B"], ["names_zh", "C"], ["description_zh", "D"]]

export class ChinesePostgresSearchService extends (PostgresSearchService as any) {
  static identifier = POSTGRES_ZH_PROVIDER
  declare manager_: any
  declare tsConfig_: string

  constructor(deps: any, options: any = {}) {
    super(deps, { ...options, engine: "native" })
  }

  async createDocumentTable(table: string, plan: any, manager: any) {
    await super.createDocumentTable(table, plan, manager)
    for (const col of [
      `"zh_text" text NOT NULL DEFAULT ''`,
      `"zh_grams" tsvector NOT NULL DEFAULT ''::tsvector`,
      `"zh_vec" tsvector NOT NULL DEFAULT ''::tsvector`,
      `"zh_title" text NOT NULL DEFAULT ''`,
      `"zh_slots" int[] NOT NULL DEFAULT '{}'`,
    ]) {
      await manager.execute(`ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS ${col}`)
    }
    await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_zh_grams_idx" ON "${table}" USING GIN ("zh_grams")`)
    await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_zh_vec_idx" ON "${table}" USING GIN ("zh_vec")`)
  }

  async upsertDocuments(input: { index: string; definition: any; documents: any[] }) {
    // the stored document keeps what results show; what only the match needs lives in zh_* columns
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const stored = input.documents.map(({ search_text, subtitle_zh, names_zh, description_zh, open_slots, ...rest }) => rest)
    const task = await super.upsertDocuments({ ...input, documents: stored })
    if (!input.documents.length) return task
    const catalog = await this.retrieve(input.index)
    const byId = new Map<string, any>()
    for (const d of input.documents) byId.set(String(d.id), d)
    const entries = [...byId.values()]
    const cfg = this.tsConfig_
    for (let i = 0; i < entries.length; i += 200) {
      const chunk = entries.slice(i, i + 200)
      const params: unknown[] = []
      const rows = chunk.map((d) => {
        const text = normalizeText(String(d.search_text ?? ""))
        const slots = (Array.isArray(d.open_slots) ? d.open_slots : []).filter((n: unknown) => Number.isInteger(n))
        params.push(String(d.id), text, bigramVector(text), normalizeQuery(String(d.title ?? "")), `{${slots.join(",")}}`)
        for (const [field] of ZH_WEIGHTS) params.push(String(d[field] ?? ""))
        return `(?, ?, ?::tsvector, ?, ?::int[], ${ZH_WEIGHTS.map(([, w]) => `setweight(to_tsvector('${cfg}', ?), '${w}')`).join(" || ")})`
      })
      await this.manager_.execute(
        `UPDATE "${catalog.table_name}" AS t
         SET "zh_text" = v.zh_text, "zh_grams" = v.zh_grams, "zh_title" = v.zh_title, "zh_slots" = v.zh_slots, "zh_vec" = v.zh_vec
         FROM (VALUES ${rows.join(", ")}) AS v(id, zh_text, zh_grams, zh_title, zh_slots, zh_vec) WHERE t."id" = v.id`,
        params
      )
    }
    return task
  }

  protected zhOptions(query: any): { around?: Around; open_slot?: number } {
    return query?.search_options?.provider_options?.[POSTGRES_ZH_PROVIDER] ?? {}
  }

  /**
   * A term matches as a phrase of its segmented words, or as a substring of the folded text: the
   * bigram index narrows (exact on its own for 1–2 characters), LIKE confirms longer terms.
   */
  keywordFragments({ query }: { query: any; catalog: any }) {
    const raw = typeof query.q === "string" ? query.q.trim() : ""
    const terms = raw ? queryTerms(raw) : []
    const cfg = this.tsConfig_
    const openSlot = this.zhOptions(query).open_slot
    const phrase = (term: string) => segmentWords(term).join(" ") || term
    const matchSql = terms.length || Number.isInteger(openSlot)
      ? (params: unknown[]) => {
          const parts = terms.map((term) => {
            const grams = bigramFilter(term)
            params.push(phrase(term))
            const words = `"zh_vec" @@ phraseto_tsquery('${cfg}', ?)`
            if (!grams) return words
            params.push(grams.tsquery)
            if (!grams.exact) params.push(likePattern(term))
            return `(${words} OR ("zh_grams" @@ ?::tsquery${grams.exact ? "" : ` AND "zh_text" LIKE ?`}))`
          })
          if (Number.isInteger(openSlot)) {
            params.push(`{${openSlot}}`)
            parts.push(`"zh_slots" @> ?::int[]`)
          }
          return parts.join(" AND ")
        }
      : undefined
    const whole = terms.join(" ")
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
    const around = this.zhOptions(input).around
    if (around && Number.isFinite(around.lat) && Number.isFinite(around.lng)) {
      const lat = Number(around.lat)
      const lng = Number(around.lng)
      // haversine in km to the nearest store with coordinates; products without one go last
      const distance = `(SELECT min(6371 * 2 * asin(sqrt(
          power(sin(radians(((s->>'lat')::float8 - ${lat}) / 2)), 2)
          + cos(radians(${lat})) * cos(radians((s->>'lat')::float8))
            * power(sin(radians(((s->>'lng')::float8 - ${lng}) / 2)), 2))))
        FROM jsonb_array_elements(coalesce(("indexed"->>'stores_json')::jsonb, '[]'::jsonb)) s
        WHERE s->>'lat' IS NOT NULL AND s->>'lng' IS NOT NULL)`
      return `${distance} ASC NULLS LAST${hasScore ? ", score DESC NULLS LAST" : ""}, "id" ASC`
    }
    return super.resolveOrderBy(input, plan, hasScore)
  }
}
