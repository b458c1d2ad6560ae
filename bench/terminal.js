#!/usr/bin/env node
// `npm run bench -- terminal`: throughput and latency of POST /terminal/v1/redeem against a private
// production-mode stack, beside two baselines measured in the same run at the same concurrency:
//   - GET /health on the same server: Medusa's own per-request floor (HTTP, middleware, logging);
//   - bare `pg` transactions of one UPDATE + one INSERT: the database floor of a redemption.
// Redeem targets (issue 3): throughput ≥ 50% of /health, p99 ≤ 2× /health p99. A MISS is reported,
// not failed (it depends on the machine and on what else runs on it); errors or a ledger that does
// not add up exit non-zero.
//
// Knobs (env): BENCH_CONCURRENCY=16,64  BENCH_WARMUP_S=2  BENCH_DURATION_S=10
const crypto = require("node:crypto")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { Client } = require("pg")
const { benchStack } = require("./lib/stack")
const { runClosedLoop } = require("./lib/load")
const { preparePgBaseline, pgBaselineCaller } = require("./lib/pg-baseline")

// the typed client is TypeScript: transpile it on load, so the benchmark signs exactly as terminals do
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })
const { TerminalClient } = require("../packages/terminal-client/src/index.ts")

const CONCURRENCY = (process.env.BENCH_CONCURRENCY || "16,64").split(",").map(Number)
const WARMUP_MS = Number(process.env.BENCH_WARMUP_S || 2) * 1000
const DURATION_MS = Number(process.env.BENCH_DURATION_S || 10) * 1000
const TARGET_THROUGHPUT_RATIO = 0.5 // redeem req/s ÷ /health req/s, at least
const TARGET_P99_RATIO = 2.0 // redeem p99 ÷ /health p99, at most
const OUT_DIR = path.join(__dirname, "out")

const log = (m) => process.stderr.write(`[bench terminal] ${m}\n`)
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-")
const load = () => os.loadavg().map((l) => Number(l.toFixed(2)))

async function measure(label, concurrency, call) {
  log(`${label} × ${concurrency}: ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s (load avg ${load().join(" ")})`)
  const result = await runClosedLoop({ concurrency, warmupMs: WARMUP_MS, durationMs: DURATION_MS, call })
  result.loadavg_after = load()
  for (const e of result.first_errors) log(`  error (worker ${e.worker}): ${e.detail}`)
  return result
}

/** Every bench voucher's ledger must add up: Σ live redemptions = face_value − balance. */
async function verifyLedger(databaseUrl, merchantId, successes) {
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const { rows } = await db.query(
      `SELECT v.id, v.face_value, v.balance,
              COALESCE(SUM(r.amount) FILTER (WHERE r.reversed_at IS NULL AND r.deleted_at IS NULL), 0) AS redeemed,
              COUNT(r.id) AS redemptions
       FROM issued_voucher v LEFT JOIN redemption r ON r.voucher_id = v.id
       WHERE v.merchant_id = $1 AND v.deleted_at IS NULL GROUP BY v.id`,
      [merchantId]
    )
    const vouchers = rows.map((r) => ({
      id: r.id,
      face_value: Number(r.face_value),
      balance: Number(r.balance),
      redeemed: Number(r.redeemed),
      redemptions: Number(r.redemptions),
    }))
    const mismatched = vouchers.filter((v) => v.redeemed !== v.face_value - v.balance || v.balance < 0)
    const redeemed = vouchers.reduce((s, v) => s + v.redeemed, 0)
    const spent = vouchers.reduce((s, v) => s + (v.face_value - v.balance), 0)
    const redemptions = vouchers.reduce((s, v) => s + v.redemptions, 0)
    return {
      vouchers: vouchers.length,
      sum_redemptions_fen: redeemed,
      sum_face_minus_balance_fen: spent,
      redemption_rows: redemptions,
      client_201s: successes,
      mismatched_vouchers: mismatched,
      // each successful call redeemed 1 fen: the server's ledger must match what the clients saw
      ok: mismatched.length === 0 && redeemed === spent && redeemed === successes && redemptions === successes,
    }
  } finally {
    await db.end()
  }
}

function printTable(rows) {
  const line = (name, r) =>
    `  ${name.padEnd(30)}${fmt(r.throughput).padStart(10)}${fmt(r.p50_ms).padStart(10)}${fmt(r.p99_ms).padStart(10)}${String(r.errors).padStart(8)}`
  const verdict = (ok) => (ok ? "PASS" : "MISS")
  console.log("")
  for (const row of rows) {
    console.log(`concurrency ${row.concurrency}`.padEnd(32) + "req/s".padStart(10) + "p50 ms".padStart(10) + "p99 ms".padStart(10) + "errors".padStart(8))
    console.log(line("GET /health", row.health))
    console.log(line("POST /terminal/v1/redeem", row.redeem))
    console.log(line("bare pg UPDATE+INSERT tx", row.pg))
    const r = row.ratios
    console.log(`  redeem/health throughput   ${fmt(r.redeem_vs_health_throughput, 2).padStart(6)}  (target ≥ ${TARGET_THROUGHPUT_RATIO})  ${verdict(row.pass.throughput)}`)
    console.log(`  redeem/health p99          ${fmt(r.redeem_vs_health_p99, 2).padStart(6)}  (target ≤ ${TARGET_P99_RATIO})  ${verdict(row.pass.p99)}`)
    console.log(`  redeem/bare-pg throughput  ${fmt(r.redeem_vs_pg_throughput, 2).padStart(6)}`)
    console.log("")
  }
}

async function main() {
  const terminals = Math.max(...CONCURRENCY)
  const stack = benchStack({ terminals, log })
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
  const loadBefore = load()
  try {
    const { baseUrl, databaseUrl, fixtures } = await stack.start()
    await preparePgBaseline(databaseUrl, terminals)
    const clients = fixtures.terminals.map((t) => new TerminalClient({ baseUrl, keyId: t.key_id, secret: t.secret }))

    // same transport (Node's fetch, keep-alive) for both HTTP measurements
    const health = async () => {
      const res = await fetch(`${baseUrl}/health`)
      const text = await res.text()
      return { ok: res.ok, status: res.status, detail: `${res.status} ${text.slice(0, 200)}` }
    }
    let redeemed = 0 // 201s seen by the clients, checked against the ledger at the end
    const redeem = async (worker) => {
      // each worker is one device: its own terminal and voucher, a fresh Idempotency-Key per call
      const res = await clients[worker].redeem(fixtures.terminals[worker].code, { amount: 1, idempotencyKey: crypto.randomUUID() })
      if (res.ok) redeemed++
      return { ok: res.ok, status: res.status, detail: res.ok ? undefined : `${res.status} ${res.error.code}: ${res.error.message}` }
    }

    const rows = []
    for (const concurrency of CONCURRENCY) {
      const h = await measure("GET /health", concurrency, health)
      const r = await measure("POST /terminal/v1/redeem", concurrency, redeem)
      const pg = pgBaselineCaller(databaseUrl, concurrency)
      const p = await measure("bare pg tx", concurrency, pg.call).finally(() => pg.end())
      const ratios = {
        redeem_vs_health_throughput: r.throughput / h.throughput,
        redeem_vs_health_p99: r.p99_ms / h.p99_ms,
        redeem_vs_pg_throughput: r.throughput / p.throughput,
      }
      rows.push({
        concurrency,
        health: h,
        redeem: r,
        pg: p,
        ratios,
        pass: {
          throughput: ratios.redeem_vs_health_throughput >= TARGET_THROUGHPUT_RATIO,
          p99: ratios.redeem_vs_health_p99 <= TARGET_P99_RATIO,
        },
      })
    }
    printTable(rows)

    const ledger = await verifyLedger(databaseUrl, fixtures.merchant_id, redeemed)
    console.log(
      `ledger: ${ledger.vouchers} bench vouchers, Σ redemptions = ${ledger.sum_redemptions_fen} fen, ` +
        `Σ (face_value − balance) = ${ledger.sum_face_minus_balance_fen} fen, ${ledger.redemption_rows} redemption rows, ` +
        `${ledger.client_201s} successful calls seen by clients, mismatched vouchers: ${ledger.mismatched_vouchers.length} → ${ledger.ok ? "OK" : "WRONG"}`
    )

    const report = {
      benchmark: "terminal",
      started_at: startedAt.toISOString(),
      finished_at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, node: process.version, loadavg_before: loadBefore, loadavg_after: load() },
      config: {
        concurrency: CONCURRENCY,
        warmup_s: WARMUP_MS / 1000,
        duration_s: DURATION_MS / 1000,
        redeem_amount_fen: 1,
        backend: "medusa start, NODE_ENV=production, shared worker mode, no Redis",
        postgres: "embedded, fresh, fsync=off, synchronous_commit=off",
        targets: { redeem_vs_health_throughput_min: TARGET_THROUGHPUT_RATIO, redeem_vs_health_p99_max: TARGET_P99_RATIO },
      },
      results: rows,
      ledger,
    }
    fs.mkdirSync(OUT_DIR, { recursive: true })
    const outFile = path.join(OUT_DIR, `terminal-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`)
    fs.writeFileSync(outFile, JSON.stringify(report, null, 2) + "\n")
    console.log(`results: ${path.relative(process.cwd(), outFile)}`)

    const redeemErrors = rows.reduce((s, row) => s + row.redeem.errors, 0)
    if (redeemErrors) log(`${redeemErrors} redeem errors: every redeem must succeed`)
    process.exitCode = redeemErrors || !ledger.ok ? 1 : 0
  } catch (err) {
    // an interrupted run fails wherever it was; the signal handler reports and exits
    if (!interrupted) log(err.stack || String(err))
    process.exitCode = 1
  } finally {
    await stack.stop()
  }
}

// exit only after cleanup: an early process.exit would leave Postgres and its data dir behind
main()
