#!/usr/bin/env node
// The settlement bench's baseline, in its own process so its memory is measured like the batch's:
// one set-based aggregate over the day's lines, the 5,000 per-merchant rows it returns written to
// BENCH_OUT (with time and memory) for bench/settlement.js to compare against the batches.
const fs = require("node:fs")
const { Client } = require("pg")
const { sampleSelf } = require("./rss-sampler")

async function main() {
  const out = process.env.BENCH_OUT
  const date = process.env.BENCH_BUSINESS_DATE
  if (!out || !date || !process.env.DATABASE_URL) throw new Error("BENCH_OUT, BENCH_BUSINESS_DATE and DATABASE_URL are required")
  const db = new Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  try {
    global.gc?.()
    const memory = sampleSelf(10)
    const t = process.hrtime.bigint()
    const { rows } = await db.query(
      `SELECT merchant_id, count(*)::bigint AS line_count, sum(gross)::bigint AS gross, sum(commission)::bigint AS commission,
              sum(merchant_funded)::bigint AS merchant_funded, sum(net)::bigint AS net
       FROM settlement_line WHERE settle_date = $1 AND deleted_at IS NULL GROUP BY merchant_id`,
      [date]
    )
    const ms = Number(process.hrtime.bigint() - t) / 1e6
    const mem = memory.stop()
    fs.writeFileSync(out, JSON.stringify({ ms, memory: mem, rows }))
  } finally {
    await db.end()
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`)
  process.exit(1)
})
