type Knex = any
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import SearchQueryLog from "./models/search-query-log"
import { normalizeQuery } from "./text/normalize"

export const RECENT_LIMIT = 10
export const HOT_LIMIT = 10
export const HOT_WINDOW_DAYS = 7

/** Recent and hot searches. The index itself is Medusa's Search Module (src/search/product.ts). */
class SearchHistoryModuleService extends MedusaService({ SearchQueryLog }) {
  async recordSearch(input: { actor: string; q: string; hits: number }) {
    const q = input.q.trim().replace(/\s+/g, " ")
    return await this.createSearchQueryLogs({ actor: input.actor, q, q_norm: normalizeQuery(q), hits: Math.max(0, input.hits | 0) })
  }

  /** The actor's last searches, newest first, one per query (compared folded: 金龍 and 金龙 are one). */
  @InjectManager()
  async recentSearches(actor: string, limit = RECENT_LIMIT, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT q, at FROM (
         SELECT DISTINCT ON (q_norm) q, created_at AS at FROM search_query_log
         WHERE actor = ? AND deleted_at IS NULL ORDER BY q_norm, created_at DESC
       ) latest ORDER BY at DESC LIMIT ?`,
      [actor, limit]
    )
    return rows.map((r: any) => ({ q: r.q as string, searched_at: new Date(r.at).toISOString() }))
  }

  @InjectManager()
  async clearRecentSearches(actor: string, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    await knex.raw(`UPDATE search_query_log SET deleted_at = now() WHERE actor = ? AND deleted_at IS NULL`, [actor])
  }

  /** What most shoppers searched for lately (distinct people, queries that found something). */
  @InjectManager()
  async hotSearches(limit = HOT_LIMIT, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT (array_agg(q ORDER BY created_at DESC))[1] AS q, count(DISTINCT actor)::int AS people
       FROM search_query_log
       WHERE created_at > now() - make_interval(days => ?) AND hits > 0
       GROUP BY q_norm ORDER BY people DESC, max(created_at) DESC LIMIT ?`,
      [HOT_WINDOW_DAYS, limit]
    )
    return rows.map((r: any) => ({ q: r.q as string, people: r.people as number }))
  }
}

export default SearchHistoryModuleService
