#!/usr/bin/env node
// `npm run bench -- seats`: seat-map reads (GET /store/showtimes/:id/seats) of the demo's 300-seat
// hall, with some seats held and booked, against a private production-mode stack, beside GET
// /health on the same server at the same concurrency in the same run.
// Targets (issue 6): throughput ≥ 50% of /health, p95 ≤ 2× /health p95. A MISS is reported, not
// failed (it depends on the machine and what else runs on it); errors or a wrong map exit non-zero.
//
// Knobs (env): BENCH_CONCURRENCY=32  BENCH_WARMUP_S=2  BENCH_DURATION_S=10
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { Client } = require("pg")
const { benchStack } = require("./lib/stack")
const { performance } = require("node:perf_hooks")
const { runClosedLoop, percentile } = require("./lib/load")

const CONCURRENCY = (process.env.BENCH_CONCURRENCY || "32").split(",").map(Number)
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S || 2) * 1000
const DURATION_MS = Number(process.env.BENCH_DURATION_S || 10) * 1000
const TARGET_THROUGHPUT_RATIO = 0.5
const TARGET_P95_RATIO = 2.0
const OUT_DIR = path.join(__dirname, "out")

const log = (m) => process.stderr.write(`[bench seats] ${m}\n`)
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-")
const load = () => os.loadavg().map((l) => Number(l.toFixed(2)))


/** The 300-seat hall's next showtime, with 30 seats held and 20 booked so the map has every status. */
async function prepare(databaseUrl) {
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const { rows: shows } = await db.query(
      `SELECT sh.id, sh.hall_id FROM cinema_showtime sh JOIN cinema_hall h ON h.id = sh.hall_id
        WHERE h.name = '1號廳 Hall 1' AND sh.starts_at > now() AND sh.deleted_at IS NULL ORDER BY sh.starts_at LIMIT 1`
    )
    const show = shows[0]
    const { rows: seats } = await db.query(`SELECT id FROM cinema_seat WHERE hall_id = $1 AND deleted_at IS NULL AND NOT disabled AND type = 'standard' ORDER BY grid_y, grid_x LIMIT 50`, [show.hall_id])
    for (const [i, s] of seats.entries()) {
      const booked = i < 20
      await db.query(
        `INSERT INTO cinema_seat_claim (id, showtime_id, seat_id, status, cart_id, order_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [`sclm_bench${i}`, show.id, s.id, booked ? "booked" : "held", `cart_bench${i}`, booked ? `order_bench${i}` : null, booked ? null : new Date(Date.now() + 3600_000)]
      )
    }
    const { rows: keys } = await db.query(`SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1`)
    return { showtimeId: show.id, publishableKey: keys[0].token }
  } finally {
    await db.end()
  }
}

async function measure(label, concurrency, call) {
  log(`${label} × ${concurrency}: ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s (load avg ${load().join(" ")})`)
  // the shared load generator reports p50/p99; p95 comes from the same window, timed around each call
  const from = performance.now() + WARMUP_MS
  const until = from + DURATION_MS
  const latencies = []
  const timed = async (worker) => {
    const t0 = performance.now()
    const out = await call(worker)
    const t1 = performance.now()
    if (out.ok && t1 >= from && t1 <= until) latencies.push(t1 - t0)
    return out
  }
  const result = await runClosedLoop({ concurrency, warmupMs: WARMUP_MS, durationMs: DURATION_MS, call: timed })
  latencies.sort((a, b) => a - b)
  result.p95_ms = percentile(latencies, 95)
  result.loadavg_after = load()
  for (const e of result.first_errors) log(`  error (worker ${e.worker}): ${e.detail}`)
  return result
}

async function main() {
  const stack = benchStack({ terminals: 1, log })
  let interrupted = false
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      if (interrupted) return
      interrupted = true
      log(`${sig}: stopping the stack`)
      stack.stop().finally(() => process.exit(130))
    })
  }
  const startedAt = new Date()
  try {
    const { baseUrl, databaseUrl } = await stack.start()
    const { showtimeId, publishableKey } = await prepare(databaseUrl)
    const headers = { "x-publishable-api-key": publishableKey }
    const health = async () => {
      const res = await fetch(`${baseUrl}/health`)
      const text = await res.text()
      return { ok: res.ok, status: res.status, detail: `${res.status} ${text.slice(0, 200)}` }
    }
    let checked = false
    const seats = async () => {
      const res = await fetch(`${baseUrl}/store/showtimes/${showtimeId}/seats`, { headers })
      const text = await res.text()
      if (!res.ok) return { ok: false, status: res.status, detail: `${res.status} ${text.slice(0, 200)}` }
      if (!checked) {
        const body = JSON.parse(text)
        const count = (st) => body.seats.filter((s) => s.status === st).length
        const shape = [body.seats.length, count("booked"), count("held"), count("disabled")]
        if (shape.join() !== "300,20,30,2") return { ok: false, status: res.status, detail: `unexpected map: ${shape.join()}` }
        checked = true
      }
      return { ok: true, status: res.status }
    }
    // a third line for context: Medusa's own cheapest store route (publishable key check included),
    // the floor every /store route pays before its handler runs
    const regions = async () => {
      const res = await fetch(`${baseUrl}/store/regions?limit=1&fields=id`, { headers })
      const text = await res.text()
      return { ok: res.ok, status: res.status, detail: `${res.status} ${text.slice(0, 200)}` }
    }
    const rows = []
    for (const concurrency of CONCURRENCY) {
      const h = await measure("GET /health", concurrency, health)
      const s = await measure("GET /store/showtimes/:id/seats", concurrency, seats)
      const st = await measure("GET /store/regions", concurrency, regions)
      const ratios = {
        seats_vs_health_throughput: s.throughput / h.throughput,
        seats_vs_health_p95: s.p95_ms / h.p95_ms,
        seats_vs_store_regions_throughput: s.throughput / st.throughput,
      }
      rows.push({
        concurrency,
        health: h,
        seats: s,
        store_regions: st,
        ratios,
        pass: { throughput: ratios.seats_vs_health_throughput >= TARGET_THROUGHPUT_RATIO, p95: ratios.seats_vs_health_p95 <= TARGET_P95_RATIO },
      })
    }
    console.log("")
    for (const row of rows) {
      const line = (name, r) => `  ${name.padEnd(34)}${fmt(r.throughput).padStart(10)}${fmt(r.p50_ms).padStart(10)}${fmt(r.p95_ms).padStart(10)}${String(r.errors).padStart(8)}`
      console.log(`concurrency ${row.concurrency}`.padEnd(36) + "req/s".padStart(10) + "p50 ms".padStart(10) + "p95 ms".padStart(10) + "errors".padStart(8))
      console.log(line("GET /health", row.health))
      console.log(line("GET /store/showtimes/:id/seats", row.seats))
      console.log(line("GET /store/regions (store floor)", row.store_regions))
      console.log(`  seats/health throughput ${fmt(row.ratios.seats_vs_health_throughput, 2).padStart(6)}  (target ≥ ${TARGET_THROUGHPUT_RATIO})  ${row.pass.throughput ? "PASS" : "MISS"}`)
      console.log(`  seats/health p95        ${fmt(row.ratios.seats_vs_health_p95, 2).padStart(6)}  (target ≤ ${TARGET_P95_RATIO})  ${row.pass.p95 ? "PASS" : "MISS"}`)
      console.log(`  seats/store-regions throughput ${fmt(row.ratios.seats_vs_store_regions_throughput, 2).padStart(6)}`)
      console.log("")
    }
    const report = {
      benchmark: "seats",
      started_at: startedAt.toISOString(),
      finished_at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, node: process.version, loadavg_after: load() },
      config: { concurrency: CONCURRENCY, warmup_s: WARMUP_MS / 1000, duration_s: DURATION_MS / 1000, hall_seats: 300, held: 30, booked: 20 },
      results: rows,
    }
    fs.mkdirSync(OUT_DIR, { recursive: true })
    const outFile = path.join(OUT_DIR, `seats-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`)
    fs.writeFileSync(outFile, JSON.stringify(report, null, 2) + "\n")
    console.log(`results: ${path.relative(process.cwd(), outFile)}`)
    const errors = rows.reduce((n, r) => n + r.seats.errors, 0)
    process.exitCode = errors || !checked ? 1 : 0
  } catch (err) {
    if (!interrupted) log(err.stack || String(err))
    process.exitCode = 1
  } finally {
    await stack.stop()
  }
}

main()
