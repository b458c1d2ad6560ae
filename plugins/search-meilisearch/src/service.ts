/**
 * Meilisearch provider for Medusa's Search Module (official `meilisearch` client). Index settings
 * come from the index definition: searchable attributes ordered by weight, filterable (filterable
 * and facetable fields), sortable; Chinese tokenisation is Meilisearch's own (charabia: jieba
 * segmentation, traditional→simplified normalisation). Writes are batched and every task is waited
 * for, so a resolved upsert is searchable. Documents with `geo_lat` / `geo_lng` get `_geo`;
 * `search_options.provider_options.meilisearch.around = { lat, lng }` sorts by distance.
 */
import { AbstractSearchProviderService } from "@medusajs/framework/utils"
// the client's package is ESM with a CommonJS build; its type declarations are ESM-only
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Meilisearch } = require("meilisearch")
import { toMeiliFilter } from "./filters"

export type MeilisearchProviderOptions = { host: string; apiKey?: string; batchSize?: number; taskTimeoutMs?: number }

const weightOf = (f: any) => (typeof f?.searchable === "object" ? Number(f.searchable.weight ?? 1) : f?.searchable ? 1 : 0)

export class MeilisearchSearchService extends (AbstractSearchProviderService as any) {
  static identifier = "meilisearch"
  protected client_: any
  protected options_: Required<Pick<MeilisearchProviderOptions, "batchSize" | "taskTimeoutMs">>

  constructor(_deps: any, options: MeilisearchProviderOptions) {
    super()
    if (!options?.host) throw new Error("The meilisearch search provider needs options.host (MEILISEARCH_HOST)")
    this.client_ = new Meilisearch({ host: options.host, apiKey: options.apiKey })
    this.options_ = { batchSize: options.batchSize ?? 1000, taskTimeoutMs: options.taskTimeoutMs ?? 60_000 }
  }

  protected async wait(task: any) {
    const uid = task?.taskUid ?? task?.uid
    if (uid === undefined) return { status: "succeeded" as const }
    const done: any = await this.client_.tasks.waitForTask(uid, { timeout: this.options_.taskTimeoutMs, interval: 50 })
    if (done.status === "failed") return { id: String(uid), status: "failed" as const, error: { message: done.error?.message ?? "task failed", code: done.error?.code } }
    return { id: String(uid), status: "succeeded" as const }
  }

  protected settingsFor(definition: any) {
    const fields = Object.entries(definition.fields ?? {}) as [string, any][]
    const searchable = fields.filter(([, f]) => weightOf(f) > 0).sort((a, b) => weightOf(b[1]) - weightOf(a[1])).map(([k]) => k)
    // the document's other text (segmented and original; Meilisearch segments Chinese itself)
    for (const k of ["title", "subtitle_zh", "subtitle", "names_zh", "merchant_name", "store_names", "description_zh", "description"]) if (!searchable.includes(k)) searchable.push(k)
    // open_slots: the week's 15-minute slots a store is open, for "open now" (provider option)
    const filterable = [...fields.filter(([, f]) => f.filterable || f.facetable).map(([k]) => k), "open_slots"]
    const sortable = fields.filter(([, f]) => f.sortable).map(([k]) => k)
    const hasGeo = !!definition.fields?.geo_lat && !!definition.fields?.geo_lng
    return {
      searchableAttributes: searchable,
      filterableAttributes: hasGeo ? [...filterable, "_geo"] : filterable,
      sortableAttributes: hasGeo ? [...sortable, "_geo"] : sortable,
      rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
      typoTolerance: { enabled: definition.settings?.typo_tolerance?.enabled ?? true },
      pagination: { maxTotalHits: 10_000 },
    }
  }

  async upsertIndex({ index }: { index: any }) {
    await this.wait(await this.client_.createIndex(index.physical_name, { primaryKey: index.primary_key ?? "id" })).catch(() => undefined)
    return { index: index.physical_name, ...(await this.wait(await this.client_.index(index.physical_name).updateSettings(this.settingsFor(index) as any))) }
  }

  async deleteIndex({ index }: { index: string }) {
    return { index, ...(await this.wait(await this.client_.deleteIndex(index))) }
  }

  async listIndexes() {
    const { results } = await this.client_.getIndexes({ limit: 1000 })
    return await Promise.all(
      results.map(async (i: any) => ({
        name: i.uid,
        provider: MeilisearchSearchService.identifier,
        document_count: (await this.client_.index(i.uid).getStats()).numberOfDocuments,
        created_at: i.createdAt ? new Date(i.createdAt) : undefined,
        updated_at: i.updatedAt ? new Date(i.updatedAt) : undefined,
      }))
    )
  }

  async upsertDocuments({ index, documents }: { index: string; definition: any; documents: any[] }) {
    const docs = documents.map((d) =>
      Number.isFinite(d.geo_lat) && Number.isFinite(d.geo_lng) ? { ...d, _geo: { lat: d.geo_lat, lng: d.geo_lng } } : d
    )
    let last: any = { status: "succeeded" }
    for (let i = 0; i < docs.length; i += this.options_.batchSize) {
      last = await this.wait(await this.client_.index(index).addDocuments(docs.slice(i, i + this.options_.batchSize)))
      if (last.status === "failed") break
    }
    return { index, ...last }
  }

  async deleteDocuments({ index, filters }: { index: string; filters: any }) {
    const ids = filters?.id
    const list = Array.isArray(ids) ? ids : typeof ids === "string" ? [ids] : Array.isArray(ids?.$in) ? ids.$in : null
    const task = list && Object.keys(filters).length === 1
      ? await this.client_.index(index).deleteDocuments(list.map(String))
      : await this.client_.index(index).deleteDocuments({ filter: toMeiliFilter(filters)! })
    return { index, ...(await this.wait(task)) }
  }

  async clearIndex({ index }: { index: string }) {
    return { index, ...(await this.wait(await this.client_.index(index).deleteAllDocuments())) }
  }

  protected request(input: any) {
    const options = input.search_options ?? {}
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const sort: string[] = []
    const around = options.provider_options?.[MeilisearchSearchService.identifier]?.around
    if (around && Number.isFinite(around.lat) && Number.isFinite(around.lng)) sort.push(`_geoPoint(${Number(around.lat)}, ${Number(around.lng)}):asc`)
    for (const [field, dir] of Object.entries(input.pagination?.order ?? {})) {
      if (field === "_score") continue
      sort.push(`${field}:${dir === "ASC" ? "asc" : "desc"}`)
    }
    const facets = (options.facets ?? []).map((f: any) => (typeof f === "string" ? f : f.field))
    const openSlot = options.provider_options?.[MeilisearchSearchService.identifier]?.open_slot
    const filter = [toMeiliFilter(input.filters), Number.isInteger(openSlot) ? `open_slots = ${openSlot}` : undefined].filter(Boolean).map((f) => `(${f})`).join(" AND ")
    return {
      indexUid: input.index.physical_name as string,
      q: input.q ?? input.filters?.q ?? "",
      filter: filter || undefined,
      sort: sort.length ? sort : undefined,
      offset: skip,
      limit: take,
      facets: facets.length ? facets : undefined,
      attributesToRetrieve: input.attributes_to_retrieve?.length ? input.attributes_to_retrieve : undefined,
      showRankingScore: true,
      matchingStrategy: options.match_strategy === "any" ? "last" : "all",
    }
  }

  protected result(input: any, r: any) {
    const facets: Record<string, any> = {}
    for (const [field, dist] of Object.entries(r.facetDistribution ?? {})) {
      facets[field] = { type: "value", values: Object.entries(dist as Record<string, number>).map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count) }
    }
    return {
      hits: (r.hits ?? []).map((h: any) => {
        const { _rankingScore, _geo, _geoDistance, ...document } = h
        return { id: String(document.id), score: input.search_options?.include_score ? _rankingScore : undefined, document }
      }),
      facets,
      metadata: { skip: r.offset ?? 0, take: r.limit ?? 0, count: r.estimatedTotalHits ?? r.totalHits ?? null, query: r.query, processing_time_ms: r.processingTimeMs },
    }
  }

  async search(input: any) {
    const [result] = await this.searchMany([input])
    return result
  }

  async searchMany(inputs: any[]) {
    const { results } = await this.client_.multiSearch({ queries: inputs.map((i) => this.request(i)) as any })
    return results.map((r: any, i: number) => this.result(inputs[i], r))
  }

  async waitForTask(task: any, options?: { timeout_ms?: number }) {
    if (!task?.id) return task
    const done: any = await this.client_.tasks.waitForTask(Number(task.id), { timeout: options?.timeout_ms ?? this.options_.taskTimeoutMs })
    return { ...task, status: done.status === "failed" ? "failed" : done.status === "succeeded" ? "succeeded" : "processing" }
  }
}
