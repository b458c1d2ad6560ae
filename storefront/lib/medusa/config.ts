import "server-only"
import fs from "node:fs"
import path from "node:path"

export function backendUrl(): string {
  return (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
}

/**
 * The demo seed writes `.data/demo.json` at the repository root. The storefront may be
 * started from its own folder (`storefront/`) or from the root, so both are tried.
 */
function demoJsonCandidates(): string[] {
  const cwd = process.cwd()
  return [path.join(cwd, "..", ".data/demo.json"), path.join(cwd, ".data/demo.json")]
}

function readDemoPublishableKey(): string | undefined {
  for (const file of demoJsonCandidates()) {
    try {
      const data = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as { publishable_key?: unknown }
      if (typeof data.publishable_key === "string" && data.publishable_key) {
        return data.publishable_key
      }
    } catch {
      // missing or half-written file: try the next candidate
    }
  }
  return undefined
}

/** Read at request time (never at build time) so a re-seeded backend is picked up. */
export function publishableKey(): string | undefined {
  return process.env.MEDUSA_PUBLISHABLE_KEY || readDemoPublishableKey()
}

export function configuredRegionId(): string | undefined {
  return process.env.MEDUSA_REGION_ID || undefined
}
