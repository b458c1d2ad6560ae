#!/usr/bin/env node
// `npm run bench -- search`: 50,000 generated products with Chinese titles (traditional and
// simplified, with English subtitles) written straight into the search index through the
// Chinese-aware Postgres provider of the Search Module (the same code the app runs: upsertIndex +
// upsertDocuments, no product workflows), then 200 mixed queries — Chinese words, 1–3 character
// substrings, the other script, English, two-term queries, exact titles, misses — through the
// provider's search (hits + count + scene and city facets), beside a bare-SQL ILIKE baseline over
// the same products in a plain table, in the same run. p50 / p95 / max of each; target p95 ≤ 30 ms
// for the provider. The provider must find at least what ILIKE finds for every query (it also
// finds the other script); a recall shortfall exits non-zero, a latency MISS is reported.
//
// Knobs (env): BENCH_PRODUCTS=50000  BENCH_QUERIES=200  BENCH_PG_PORT=55543
//   BENCH_REUSE=1 keeps the database (and reuses an index built by an earlier run with the same size;
//   BENCH_FRESH=1 rebuilds it anyway)
const path = require("node:path")
const { Pool } = require("pg")
const { startEmbeddedPostgres } = require("../scripts/lib/embedded-postgres")
const { ensureDatabase } = require("../scripts/lib/ensure-database")

require("ts-node").register({ transpileOnly: true, swc: true, project: path.join(__dirname, "..", "tsconfig.json") })
const { ChinesePostgresSearchService } = require("../src/modules/search/postgres-zh/service")
const { PRODUCT_SEARCH_FIELDS, productSearchDocument } = require("../src/modules/search/product-document")
const { normalizeQuery } = require("../src/modules/search/text/normalize")
const { Migration20260807120000 } = require("@medusajs/search-postgres/dist/migrations/Migration20260807120000")

const PRODUCTS = Number(process.env.BENCH_PRODUCTS || 50_000)
const QUERIES = Number(process.env.BENCH_QUERIES || 200)
const PG_PORT = Number(process.env.BENCH_PG_PORT || 55543)
const DB_NAME = "palmlife_bench_search"
const REUSE = process.env.BENCH_REUSE === "1"
const TARGET_P95_MS = 30
const log = (m) => process.stderr.write(`[bench search] ${m}\n`)

// deterministic pseudo-random numbers, so every run indexes the same catalogue
let seed = 20261128
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const pick = (xs) => xs[Math.floor(rand() * xs.length)]

const BRANDS = ["金龍酒家", "蜀香園", "京味軒", "粵海茶餐廳", "西湖樓", "海風燒烤", "椰林海鮮", "晨光咖啡", "翡翠園", "大華影城", "星光電影院", "南山茶莊", "麗江古城旅行社", "三亞灣度假村", "東方商城", "長城數碼", "喜來登", "老北京涮肉", "港島點心", "川味小館"]
const ITEMS = ["¥100 代金券", "¥50 代金券", "雙人套餐", "四人餐", "港式早茶", "麻辣火鍋", "北京烤鴨", "電影票", "IMAX 觀影套餐", "儲值卡", "下午茶", "海鮮大餐", "自助晚餐", "三日遊", "五日遊跟團", "龍井禮盒", "藍牙耳機", "電飯煲", "中秋月餅禮盒", "溫泉門票"]
const CITIES = ["Shanghai", "Beijing", "Chengdu", "Guangzhou", "Hangzhou", "Shenzhen", "Sanya", "Lijiang", "Xiamen", "Qingdao"]
const CITY_ZH = { Shanghai: "上海", Beijing: "北京", Chengdu: "成都", Guangzhou: "廣州", Hangzhou: "杭州", Shenzhen: "深圳", Sanya: "三亞", Lijiang: "麗江", Xiamen: "廈門", Qingdao: "青島" }
const SCENES = ["meal", "movie", "mall", "travel"]
const EN = ["voucher", "set meal for two", "hotpot", "Peking duck", "movie ticket", "afternoon tea", "seafood feast", "tour package", "gift box", "earbuds"]
const DESCS = ["全日通用，節假日可用，不設最低消費。", "需提前一天預約，包廂另計。", "可分多次使用，餘額自動保留。", "含兩杯飲品，限堂食。", "出發前七天可免費取消。", "快遞到家，七天無理由退貨。"]

function productRow(i) {
  const brand = pick(BRANDS)
  const item = pick(ITEMS)
  const city = pick(CITIES)
  const title = `${brand} ${CITY_ZH[city]}${item} ${i}`
  return {
    id: `prod_bench_${String(i).padStart(6, "0")}`,
    handle: `bench-${i}`,
    status: "published",
    title,
    subtitle: `${pick(EN)} in ${city}`,
    description: `${brand}${pick(DESCS)}${pick(DESCS)}`,
    metadata: { scene: pick(SCENES), city },
    variants: [{ manage_inventory: false, prices: [{ currency_code: "cny", amount: 10 + Math.floor(rand() * 990) }] }],
    merchant: { name: brand, stores: [{ name: `${brand} ${CITY_ZH[city]}店`, city, latitude: 20 + rand() * 20, longitude: 100 + rand() * 20, hours: { 1: ["10:30-22:00"], 6: ["09:00-23:00"] }, status: "active" }] },
  }
}

function queries(rows) {
  const simp = (s) => normalizeQuery(s)
  const kinds = [
    () => pick(["代金券", "火鍋", "烤鴨", "電影", "套餐", "早茶", "禮盒", "溫泉", "海鮮", "下午茶"]),
    () => pick(["券", "鍋", "茶", "龍", "三亞", "電影票", "雙人"]),
    () => simp(pick(["金龍酒家", "電影票", "三亞灣", "麻辣火鍋", "中秋月餅", "麗江古城"])),
    () => pick(["voucher", "hotpot", "duck", "ticket", "tea", "seafood", "tour"]),
    () => `${pick(BRANDS)} ${pick(["代金券", "套餐", "票"])}`,
    () => pick(rows).title,
    () => pick(["不存在的商品", "潛水艇", "xyzzy"]),
  ]
  return Array.from({ length: QUERIES }, (_, i) => kinds[i % kinds.length]())
}

/** MikroORM's `execute(sql, params)` with `?` placeholders, over a pg Pool. */
function managerFor(pool) {
  const toPg = (sql) => {
    let n = 0
    let out = ""
    let quoted = false
    for (const ch of sql) {
      if (ch === "'") quoted = !quoted
      out += ch === "?" && !quoted ? `$${++n}` : ch
    }
    return out
  }
  const manager = {
    execute: async (sql, params = []) => (await pool.query(toPg(sql), params)).rows,
    transactional: async (run) => {
      const client = await pool.connect()
      try {
        await client.query("BEGIN")
        const out = await run({ execute: async (sql, params = []) => (await client.query(toPg(sql), params)).rows })
        await client.query("COMMIT")
        return out
      } catch (e) {
        await client.query("ROLLBACK")
        throw e
      } finally {
        client.release()
      }
    },
  }
  return manager
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6

async function main() {
  const pg = await startEmbeddedPostgres({ name: "pg-bench-search", port: PG_PORT, fresh: !REUSE, log })
  let pool
  try {
    if (REUSE && process.env.BENCH_FRESH === "1") {
      const admin = new Pool({ connectionString: pg.url("postgres"), max: 1 })
      await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`)
      await admin.end()
    }
    await ensureDatabase(pg.url("postgres"), DB_NAME)
    pool = new Pool({ connectionString: pg.url(DB_NAME), max: 4 })
    // an idle connection closed by the server's shutdown at the end is not a failure
    pool.on("error", () => undefined)
    const manager = managerFor(pool)
    // the stock provider's migration: pg_trgm, unaccent, the medusa_search_english configuration, the catalog
    const sqls = []
    Migration20260807120000.prototype.up.call({ addSql: (s) => sqls.push(s) })
    for (const s of sqls) await pool.query(s)

    const provider = new ChinesePostgresSearchService({ manager, logger: console }, {})
    const definition = {
      name: "product", entity: "product", primary_key: "id", provider: "postgres-zh", settings: {},
      fields: PRODUCT_SEARCH_FIELDS.toFields(), definition_hash: "bench", physical_name: "bench_product_v1",
    }
    await provider.upsertIndex({ index: definition })

    const have = (await pool.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'bench_plain'`)).rows[0].n
      ? (await pool.query(`SELECT count(*)::int AS n FROM bench_plain`)).rows[0].n
      : 0
    const rows = []
    if (REUSE && have === PRODUCTS) {
      log(`reusing the ${have} indexed products`)
      for (let i = 0; i < PRODUCTS; i++) rows.push({ id: null, title: productRow(i).title })
    } else {
      await pool.query(`CREATE TABLE IF NOT EXISTS bench_plain (id text PRIMARY KEY, title text, subtitle text, description text, merchant text, stores text, city text, scene text)`)
      log(`indexing ${PRODUCTS} products…`)
      const started = process.hrtime.bigint()
      for (let i = 0; i < PRODUCTS; i += 1000) {
        const batch = Array.from({ length: Math.min(1000, PRODUCTS - i) }, (_, k) => productRow(i + k))
        rows.push(...batch.map((r) => ({ id: r.id, title: r.title })))
        await provider.upsertDocuments({ index: definition.physical_name, definition, documents: batch.map((r) => productSearchDocument(r)) })
        const values = []
        const params = []
        batch.forEach((r, k) => {
          values.push(`($${k * 8 + 1}, $${k * 8 + 2}, $${k * 8 + 3}, $${k * 8 + 4}, $${k * 8 + 5}, $${k * 8 + 6}, $${k * 8 + 7}, $${k * 8 + 8})`)
          params.push(r.id, r.title, r.subtitle, r.description, r.merchant.name, r.merchant.stores[0].name, r.metadata.city, r.metadata.scene)
        })
        await pool.query(`INSERT INTO bench_plain VALUES ${values.join(", ")}`, params)
      }
      await pool.query(`ANALYZE`)
      log(`indexed in ${(ms(started) / 1000).toFixed(1)} s`)

    }
    const qs = queries(rows)
    const catalog = await provider.retrieve(definition.physical_name)
    const ours = async (q) => {
      const r = await provider.search({
        index: definition, q, filters: {}, pagination: { skip: 0, take: 20 },
        search_options: { facets: ["scene", "city"] }, attributes_to_retrieve: ["id", "title", "price"],
      })
      return r.metadata.count
    }
    const baseline = async (q) => {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      const where = `title ILIKE $1 OR subtitle ILIKE $1 OR description ILIKE $1 OR merchant ILIKE $1 OR stores ILIKE $1 OR city ILIKE $1 OR scene ILIKE $1`
      await pool.query(`SELECT id, title FROM bench_plain WHERE ${where} LIMIT 20`, [like])
      return (await pool.query(`SELECT count(*)::int AS n FROM bench_plain WHERE ${where}`, [like])).rows[0].n
    }
    for (const q of qs.slice(0, 20)) { await ours(q); await baseline(q) } // warm-up
    const times = { provider: [], ilike: [] }
    const shortfalls = []
    for (const q of qs) {
      let t = process.hrtime.bigint()
      const found = await ours(q)
      times.provider.push(ms(t))
      t = process.hrtime.bigint()
      const truth = await baseline(q)
      times.ilike.push(ms(t))
      if (found < truth) shortfalls.push(`${q}: ${found} < ${truth}`)
    }
    const row = (name, xs) => `${name.padEnd(34)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms   max ${Math.max(...xs).toFixed(1).padStart(7)} ms`
    console.log(`search bench: ${PRODUCTS} products (table ${catalog.table_name}), ${qs.length} mixed queries, hits + count + 2 facets`)
    console.log(row("postgres-zh provider (Search Module)", times.provider))
    console.log(row("bare SQL ILIKE (7 columns)", times.ilike))
    const p95 = pct(times.provider, 95)
    console.log(`target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? "PASS" : "MISS"} (${p95.toFixed(1)} ms); recall vs ILIKE: ${shortfalls.length ? `${shortfalls.length} SHORT` : "never below"}`)
    if (shortfalls.length) {
      console.log(shortfalls.slice(0, 10).join("\n"))
      process.exitCode = 1
    }
  } finally {
    await pool?.end()
    if (!REUSE) await pg.stop()
    else log(`kept Postgres on port ${PG_PORT} (BENCH_REUSE=1); it stops with the next run without BENCH_REUSE`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
