// Closed-loop load: `concurrency` workers each send the next request as soon as the previous one
// answers, so the offered load adapts to the server and latency is not inflated by a client-side
// queue (as an open-loop, fixed-rate generator would do when the server falls behind).
const { performance } = require("node:perf_hooks")

/** Nearest-rank percentile of an ascending array (p in 0..100). */
function percentile(sorted, p) {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/**
 * Runs `call(worker)` from `concurrency` workers for warmupMs + durationMs. Only answers that arrive
 * inside the measured window count towards throughput and latency; the warm-up fills connection
 * pools, JIT and caches. Errors are counted over the whole run (warm-up included): for the redeem
 * benchmark any error is a bug, whenever it happens.
 *
 * `call` resolves to { ok: boolean, status?: number, detail?: string }; a rejection is an error too.
 */
async function runClosedLoop({ concurrency, warmupMs, durationMs, call, keepErrors = 5 }) {
  const start = performance.now()
  const measureFrom = start + warmupMs
  const measureUntil = measureFrom + durationMs
  const latencies = []
  const firstErrors = []
  let errors = 0
  let calls = 0

  const recordError = (worker, detail) => {
    errors++
    if (firstErrors.length < keepErrors) firstErrors.push({ worker, detail })
  }

  async function worker(index) {
    while (performance.now() < measureUntil) {
      const t0 = performance.now()
      let outcome
      try {
        outcome = await call(index)
      } catch (err) {
        outcome = { ok: false, detail: `${err && err.name}: ${err && err.message}${err && err.cause ? ` (${err.cause.code || err.cause.message})` : ""}` }
      }
      const t1 = performance.now()
      calls++
      if (!outcome.ok) recordError(index, outcome.detail || `HTTP ${outcome.status}`)
      else if (t1 >= measureFrom && t1 <= measureUntil) latencies.push(t1 - t0)
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)))
  latencies.sort((a, b) => a - b)
  return {
    concurrency,
    duration_s: durationMs / 1000,
    requests: latencies.length,
    throughput: latencies.length / (durationMs / 1000),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies.length ? latencies[latencies.length - 1] : NaN,
    calls_total: calls,
    errors,
    first_errors: firstErrors,
  }
}

module.exports = { runClosedLoop, percentile }
