#!/usr/bin/env node
// `npm run bench -- settlement`: one business day with 1,000,000 posted redemption lines across
// 5,000 merchants, settled exactly as production does it (the settlement module's closeBusinessDay
// + calculateBatches + summarizeDay, resolved from a booted Medusa container), beside a baseline
// measured in the same run: one set-based SQL aggregate over the same rows. Time and peak memory
// (RSS of the process running each, sampled) for both; the batches must equal the aggregate.
// Targets (issue 5): batch ≤ 60 s, batch time ≤ 4 × baseline time (≥ 0.25 of its speed), memory
// flat (the batch process grows by far less than the rows would take in Node). A MISS is reported,
// not failed (it depends on the machine and what else runs on it); totals that disagree, a rerun
// that changes anything, or an error exit non-zero.
//
// Knobs (env): BENCH_LINES=1000000  BENCH_MERCHANTS=5000  BENCH_PG_PORT=55498
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { Client } = require("pg")
const { startEmbeddedPostgres } = require("../scripts/lib/embedded-postgres")
const { ensureDatabase } = require("../scripts/lib/ensure-database")
const { startProcess, stopProcess } = require("../scripts/lib/processes")
const { sampleProcessRss, MB } = require("./lib/rss-sampler")

const ROOT = path.resolve(__dirname, "..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const OUT_DIR = path.join(__dirname, "out")
const DB_NAME = "palmlife_bench_settlement"
const LINES = Number(process.env.BENCH_LINES || 1_000_000)
const MERCHANTS = Number(process.env.BENCH_MERCHANTS || 5000)
const PG_PORT = Number(process.env.BENCH_PG_PORT || 55498) // not 55499: the terminal bench's
const BUSINESS_DATE = "2026-11-27"
const TARGET_BATCH_MS = 60_000
const TARGET_SPEED_RATIO = 0.25 // baseline time ÷ batch time, at least
// "flat": the batch process may grow by at most this much while it settles the day; 1M lines
// loaded into Node would take hundreds of MB
const TARGET_RSS_GROWTH_BYTES = 64 * MB

const log = (m) => process.stderr.write(`[bench settlement] ${m}\n`)
const load = () => os.loadavg().map((l) => Number(l.toFixed(2)))
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-")
const mb = (b) => (b == null ? "-" : (b / MB).toFixed(1))

function tail(file, chars = 3000) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").slice(-chars) : ""
}

function bench() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-bench-settlement-"))
  const children = new Set()
  let pgStarting = null
  let stopped = false
  let stopping = null

  // every caller (signal handler, error path, normal end) awaits the same cleanup to its end
  const stop = () => {
    stopped = true
    stopping ??= (async () => {
      await Promise.all([...children].map((c) => stopProcess(c)))
      const pg = pgStarting && (await pgStarting.catch(() => null))
      if (pg) {
        await pg.stop()
        fs.rmSync(pg.dataDir, { recursive: true, force: true })
      }
      fs.rmSync(work, { recursive: true, force: true })
    })()
    return stopping
  }

  /** A tracked child (stopped on interrupt), its RSS sampled from outside while it runs. */
  const run = async (title, cmd, args, env) => {
    if (stopped) throw new Error("benchmark stopped")
    const t = Date.now()
    const logFile = path.join(work, `${title}.log`)
    const child = startProcess(title, cmd, args, { cwd: ROOT, env, logFile })
    children.add(child)
    const rss = sampleProcessRss(child.pid, 50)
    const code = await new Promise((resolve) => child.once("exit", (c, sig) => resolve(sig || c)))
    const memory = rss.stop()
    children.delete(child)
    if (code !== 0) throw new Error(`${title} failed (${code}):\n${tail(logFile)}`)
    const wallMs = Date.now() - t
    log(`${title} in ${(wallMs / 1000).toFixed(1)} s`)
    return { wall_ms: wallMs, process_memory: memory }
  }

  const start = async () => {
    if (stopped) throw new Error("benchmark stopped")
    pgStarting = startEmbeddedPostgres({ name: "pg-bench-settlement", port: PG_PORT, fresh: true, log })
    const pg = await pgStarting
    await ensureDatabase(pg.url("postgres"), DB_NAME)
    const env = { DATABASE_URL: pg.url(DB_NAME), DISABLE_MEDUSA_ADMIN: "true", LOG_LEVEL: "warn" }
    // no Stripe in this run: the payment module keeps its defaults
    for (const k of ["STRIPE_API_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET", "REDIS_URL"]) env[k] = ""
    await run("migrate", MEDUSA, ["db:migrate"], env)
    return env
  }

  return { start, stop, run, work }
}

/** One business day of posted redemption lines, set-based: ~LINES/MERCHANTS lines per merchant. */
async function generateDay(db) {
  const t = Date.now()
  await db.query(
    `INSERT INTO settlement_line (id, posting_key, merchant_id, kind, business_date, settle_date, order_id, voucher_id, source_id,
       gross, commission, merchant_funded, net, commission_rate_id, created_at, updated_at)
     SELECT 'sline_bench_' || g, 'redemption:bench_' || g, 'mer_bench_' || lpad((g % $2)::text, 5, '0'), 'redemption', $3, $3,
            'order_bench_' || (g / 3), 'vou_bench_' || g, 'red_bench_' || g,
            x.gross, x.commission, x.merchant_funded, x.gross - x.commission - x.merchant_funded, NULL, now(), now()
     FROM generate_series(1, $1::int) AS g,
          LATERAL (SELECT (500 + (g::bigint * 7919) % 19500)::int AS gross) p,
          LATERAL (SELECT p.gross, (p.gross * (3 + g % 8)) / 100 AS commission, CASE WHEN g % 7 = 0 THEN least(300, p.gross / 10) ELSE 0 END AS merchant_funded) x`,
    [LINES, MERCHANTS, BUSINESS_DATE]
  )
  await db.query(`VACUUM ANALYZE settlement_line`)
  await db.query(`CHECKPOINT`)
  const { rows } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT merchant_id)::int AS m FROM settlement_line WHERE settle_date = $1`, [BUSINESS_DATE])
  return { ms: Date.now() - t, lines: rows[0].n, merchants: rows[0].m }
}

/** The batches must equal the aggregate, merchant by merchant and in total. */
async function verify(db, baselineRows, batch) {
  const { rows } = await db.query(
    `SELECT merchant_id, line_count::bigint AS line_count, gross_amount::bigint AS gross, commission_amount::bigint AS commission,
            merchant_funded_amount::bigint AS merchant_funded, net_amount::bigint AS net, status
     FROM settlement_batch WHERE business_date = $1 AND deleted_at IS NULL`,
    [BUSINESS_DATE]
  )
  const { rows: day } = await db.query(`SELECT batch_count FROM settlement_day WHERE business_date = $1 AND deleted_at IS NULL`, [BUSINESS_DATE])
  const key = (r) => [r.line_count, r.gross, r.commission, r.merchant_funded, r.net].map(String).join("|")
  const ours = new Map(rows.map((r) => [r.merchant_id, key(r)]))
  const mismatched = []
  for (const b of baselineRows) if (ours.get(b.merchant_id) !== key(b)) mismatched.push({ merchant_id: b.merchant_id, baseline: key(b), batch: ours.get(b.merchant_id) ?? null })
  const total = (list, f) => list.reduce((s, r) => s + BigInt(r[f]), 0n).toString()
  const fields = ["line_count", "gross", "commission", "merchant_funded", "net"]
  const totals = {
    batch: Object.fromEntries(fields.map((f) => [f, total(rows, f)])),
    baseline: Object.fromEntries(fields.map((f) => [f, total(baselineRows, f)])),
  }
  const checks = {
    merchants_equal: rows.length === baselineRows.length,
    per_merchant_equal: mismatched.length === 0,
    totals_equal: fields.every((f) => totals.batch[f] === totals.baseline[f]),
    net_identity: totals.batch.net === (BigInt(totals.batch.gross) - BigInt(totals.batch.commission) - BigInt(totals.batch.merchant_funded)).toString(),
    all_calculated: rows.every((r) => r.status === "calculated"),
    day_batch_count: Number(day[0]?.batch_count) === rows.length,
    lines_all_settled: totals.batch.line_count === String(LINES),
    rerun_inserted_nothing: batch.rerun.batches_inserted === 0 && batch.rerun.day_created === false && batch.rerun.batch_count === rows.length,
  }
  return { batches: rows.length, totals, checks, mismatched: mismatched.slice(0, 10), ok: Object.values(checks).every(Boolean) }
}

async function main() {
  const b = bench()
  let interrupted = false
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      if (interrupted) return
      interrupted = true
      log(`${sig}: stopping`)
      b.stop().finally(() => process.exit(130))
    })
  }
  const startedAt = new Date()
  const loadBefore = load()
  let db
  try {
    const env = await b.start()
    db = new Client({ connectionString: env.DATABASE_URL })
    await db.connect()
    log(`generating ${LINES} lines for ${MERCHANTS} merchants on ${BUSINESS_DATE} (load avg ${load().join(" ")})`)
    const generated = await generateDay(db)
    log(`generated ${generated.lines} lines, ${generated.merchants} merchants in ${(generated.ms / 1000).toFixed(1)} s`)
    // both measurements read a warm table: one scan first, measured by neither
    await db.query(`SELECT count(*) FROM settlement_line WHERE settle_date = $1`, [BUSINESS_DATE])

    const node = process.execPath
    const runBaseline = async (n) => {
      const out = path.join(b.work, `baseline-${n}.json`)
      log(`baseline ${n}: one set-based aggregate (load avg ${load().join(" ")})`)
      const proc = await b.run(`baseline-${n}`, node, [path.join(__dirname, "lib", "settlement-baseline.js")], { ...env, BENCH_OUT: out, BENCH_BUSINESS_DATE: BUSINESS_DATE })
      return { ...JSON.parse(fs.readFileSync(out, "utf8")), ...proc, loadavg_after: load() }
    }
    // baseline before and after the batch: the better of the two is what the batch is held to
    const baseline1 = await runBaseline(1)
    log(`batch: closeBusinessDay + calculateBatches + summarizeDay through medusa exec (load avg ${load().join(" ")})`)
    const batchOut = path.join(b.work, "batch.json")
    const batchProc = await b.run("batch", MEDUSA, ["exec", "./bench/lib/settlement-batch.ts"], { ...env, BENCH_OUT: batchOut, BENCH_BUSINESS_DATE: BUSINESS_DATE })
    const batch = { ...JSON.parse(fs.readFileSync(batchOut, "utf8")), ...batchProc, loadavg_after: load() }
    const baseline2 = await runBaseline(2)
    const baselineMs = Math.min(baseline1.ms, baseline2.ms)

    const verification = await verify(db, baseline1.rows, batch)
    const ratios = {
      speed_batch_vs_baseline: baselineMs / batch.first.ms, // ≥ 0.25
      time_batch_vs_baseline: batch.first.ms / baselineMs, // ≤ 4
      peak_rss_batch_vs_baseline_process: batch.process_memory.peak_rss_bytes / Math.max(baseline1.process_memory.peak_rss_bytes, baseline2.process_memory.peak_rss_bytes),
    }
    const pass = {
      time: batch.first.ms <= TARGET_BATCH_MS,
      speed: ratios.speed_batch_vs_baseline >= TARGET_SPEED_RATIO,
      memory_flat: batch.first.memory.rss_growth_bytes <= TARGET_RSS_GROWTH_BYTES,
    }
    const verdict = (ok) => (ok ? "PASS" : "MISS")

    console.log("")
    console.log(`settlement day ${BUSINESS_DATE}: ${generated.lines} lines, ${generated.merchants} merchants → ${verification.batches} batches`)
    console.log(`${"".padEnd(40)}${"time ms".padStart(10)}${"RSS before".padStart(12)}${"RSS peak".padStart(10)}${"growth".padStart(9)}${"proc peak".padStart(11)}  (MB)`)
    const row = (name, ms, m, proc) =>
      console.log(`  ${name.padEnd(38)}${fmt(ms).padStart(10)}${mb(m.rss_before_bytes).padStart(12)}${mb(m.peak_rss_bytes).padStart(10)}${mb(m.rss_growth_bytes).padStart(9)}${mb(proc.peak_rss_bytes).padStart(11)}`)
    row("baseline 1: SELECT … GROUP BY", baseline1.ms, baseline1.memory, baseline1.process_memory)
    row("batch: close + calculate + summarize", batch.first.ms, batch.first.memory, batch.process_memory)
    row("baseline 2: SELECT … GROUP BY", baseline2.ms, baseline2.memory, baseline2.process_memory)
    row("batch rerun (must change nothing)", batch.rerun.ms, batch.rerun.memory, batch.process_memory)
    const s = batch.first.steps_ms
    console.log(`  batch steps: close ${fmt(s.close)} ms, calculate ${fmt(s.calculate)} ms, summarize ${fmt(s.summarize)} ms; medusa exec process ${fmt(batch.wall_ms / 1000)} s wall (boot included)`)
    console.log(`  batch time                ${fmt(batch.first.ms / 1000, 2).padStart(8)} s   (target ≤ ${TARGET_BATCH_MS / 1000} s)  ${verdict(pass.time)}`)
    console.log(`  speed batch/baseline      ${fmt(ratios.speed_batch_vs_baseline, 2).padStart(8)}     (target ≥ ${TARGET_SPEED_RATIO}; time ratio ${fmt(ratios.time_batch_vs_baseline, 2)} ≤ ${1 / TARGET_SPEED_RATIO})  ${verdict(pass.speed)}`)
    console.log(`  batch RSS growth          ${mb(batch.first.memory.rss_growth_bytes).padStart(8)} MB  (target ≤ ${mb(TARGET_RSS_GROWTH_BYTES)} MB: rows never loaded into Node)  ${verdict(pass.memory_flat)}`)
    console.log(`  peak RSS batch/baseline process ${fmt(ratios.peak_rss_batch_vs_baseline_process, 2)} (a booted Medusa against a bare pg client)`)
    console.log(`  verification: ${Object.entries(verification.checks).map(([k, v]) => `${k}=${v ? "ok" : "WRONG"}`).join(" ")}`)
    console.log(`  totals (fen): ${JSON.stringify(verification.totals.batch)}`)
    console.log(`  load average before ${loadBefore.join(" ")}, after ${load().join(" ")} (${os.cpus().length} CPUs)`)

    for (const r of [baseline1, baseline2]) delete r.rows // 5,000 rows: verified above, not reported
    const report = {
      benchmark: "settlement",
      started_at: startedAt.toISOString(),
      finished_at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, node: process.version, loadavg_before: loadBefore, loadavg_after: load() },
      config: {
        business_date: BUSINESS_DATE,
        lines: LINES,
        merchants: MERCHANTS,
        batch: "settlement module service closeBusinessDay + calculateBatches + summarizeDay, in `medusa exec` (boot excluded from the time)",
        baseline: "SELECT merchant_id, count(*), sum(gross), sum(commission), sum(merchant_funded), sum(net) FROM settlement_line WHERE settle_date = $1 GROUP BY merchant_id, bare pg client; best of one run before and one after the batch",
        postgres: "embedded, fresh, fsync=off, synchronous_commit=off, table warmed by one scan before measuring",
        memory: "RSS sampled every 10 ms inside each process (before/peak/growth over the measured call) and every 50 ms from outside (/proc)",
        targets: { batch_ms_max: TARGET_BATCH_MS, speed_vs_baseline_min: TARGET_SPEED_RATIO, rss_growth_bytes_max: TARGET_RSS_GROWTH_BYTES },
      },
      generated,
      baseline: [baseline1, baseline2],
      batch,
      ratios,
      pass,
      verification,
    }
    fs.mkdirSync(OUT_DIR, { recursive: true })
    const outFile = path.join(OUT_DIR, `settlement-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`)
    fs.writeFileSync(outFile, JSON.stringify(report, null, 2) + "\n")
    console.log(`results: ${path.relative(process.cwd(), outFile)}`)
    if (!verification.ok) log(`verification failed: ${JSON.stringify(verification.checks)} ${JSON.stringify(verification.mismatched)}`)
    process.exitCode = verification.ok ? 0 : 1
  } catch (err) {
    if (!interrupted) log(err.stack || String(err))
    process.exitCode = 1
  } finally {
    await db?.end().catch(() => {})
    await b.stop()
  }
}

// exit only after cleanup: an early process.exit would leave Postgres and its data dir behind
main()
