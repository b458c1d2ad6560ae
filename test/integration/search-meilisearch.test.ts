/**
 * The Meilisearch provider's contract: the very suite the Postgres provider passes
 * (test/integration/search.test.ts: recall against the ILIKE truth in both scripts, exact title
 * first, filters, facets, sorting, freshness, bad input, recent/hot), run with MEILISEARCH_HOST set,
 * which makes medusa-config.js register the Meilisearch provider as the Search Module's default.
 *
 * It runs when MEILISEARCH_HOST answers GET /health; otherwise the suite is skipped and says so.
 */
import { spawnSync } from "node:child_process"

const host = process.env.MEILISEARCH_HOST

function reachable(url: string | undefined): boolean {
  if (!url) return false
  const probe = spawnSync(
    process.execPath,
    ["-e", `fetch(${JSON.stringify(new URL("/health", url).toString())}, { signal: AbortSignal.timeout(3000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`],
    { timeout: 5000 }
  )
  return probe.status === 0
}

if (reachable(host)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./search.test")
} else {
  const why = host ? `MEILISEARCH_HOST=${host} is not reachable` : "MEILISEARCH_HOST is not set"
  process.stderr.write(`[search-meilisearch] SKIPPED: ${why}; the Meilisearch provider contract suite did not run.\n`)
  describe.skip(`Meilisearch provider contract — SKIPPED: ${why}`, () => {
    it("runs test/integration/search.test.ts against the Meilisearch provider", () => undefined)
  })
}
