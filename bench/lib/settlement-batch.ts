/**
 * The settlement bench's batch run, exactly as production runs a day: the settlement module's
 * service (resolved from a booted Medusa container) closes the day, calculates the batches and
 * summarizes. Timed and memory-sampled from inside, excluding Medusa's boot; then run a second
 * time, which must insert nothing. Writes the figures to BENCH_OUT.
 * Run by bench/settlement.js: `medusa exec ./bench/lib/settlement-batch.ts`.
 */
import fs from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { SETTLEMENT_MODULE } from "../../src/modules/settlement"
import type SettlementModuleService from "../../src/modules/settlement/service"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sampleSelf } = require("./rss-sampler")

const msSince = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6

async function runDay(settlement: SettlementModuleService, date: string) {
  const memory = sampleSelf(10)
  const t = process.hrtime.bigint()
  const closed = await settlement.closeBusinessDay(date)
  const closeMs = msSince(t)
  const t2 = process.hrtime.bigint()
  const inserted = await settlement.calculateBatches(date)
  const calculateMs = msSince(t2)
  const t3 = process.hrtime.bigint()
  const summary = await settlement.summarizeDay(date)
  const summarizeMs = msSince(t3)
  return {
    ms: msSince(t),
    steps_ms: { close: closeMs, calculate: calculateMs, summarize: summarizeMs },
    day_created: closed.created,
    batches_inserted: inserted,
    batch_count: summary.batch_count,
    memory: memory.stop(),
  }
}

export default async function settlementBatchBench({ container }: ExecArgs) {
  const out = process.env.BENCH_OUT
  const date = process.env.BENCH_BUSINESS_DATE
  if (!out || !date) throw new Error("BENCH_OUT and BENCH_BUSINESS_DATE are required")
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  ;(global as any).gc?.()
  const first = await runDay(settlement, date)
  const rerun = await runDay(settlement, date)
  fs.writeFileSync(out, JSON.stringify({ first, rerun }))
}
