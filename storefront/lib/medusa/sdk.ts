import "server-only"
import Medusa from "@medusajs/js-sdk"
import { backendUrl, publishableKey } from "./config"

export class StorefrontConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "StorefrontConfigError"
  }
}

const instances = new Map<string, Medusa>()

/**
 * One SDK per (backend, key). Tokens are never stored in the SDK ("nostore"): the
 * instance is shared by every request on this server, so each call passes the
 * customer's JWT explicitly (see `authHeaders()` in session.ts).
 */
export function getSdk(): Medusa {
  const baseUrl = backendUrl()
  const key = publishableKey()
  if (!key) {
    throw new StorefrontConfigError(
      "No publishable API key: set MEDUSA_PUBLISHABLE_KEY or run the demo seed (.data/demo.json)."
    )
  }
  const cacheKey = `${baseUrl}|${key}`
  let sdk = instances.get(cacheKey)
  if (!sdk) {
    sdk = new Medusa({
      baseUrl,
      publishableKey: key,
      auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
      debug: false,
    })
    instances.set(cacheKey, sdk)
  }
  return sdk
}
