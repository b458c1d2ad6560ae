import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { backendUrl, configuredRegionId, publishableKey } from "./config"
import { getSdk } from "./sdk"

type Cached = { key: string; region: HttpTypes.StoreRegion; at: number }
let cached: Cached | undefined
const TTL_MS = 60_000

/** The China region: MEDUSA_REGION_ID, else the first region whose currency is CNY. */
export async function getRegion(): Promise<HttpTypes.StoreRegion> {
  const key = `${backendUrl()}|${publishableKey()}|${configuredRegionId() ?? ""}`
  if (cached && cached.key === key && Date.now() - cached.at < TTL_MS) return cached.region

  const sdk = getSdk()
  const wanted = configuredRegionId()
  let region: HttpTypes.StoreRegion | undefined
  if (wanted) {
    region = (await sdk.store.region.retrieve(wanted)).region
  } else {
    const { regions } = await sdk.store.region.list({ limit: 100 })
    region = regions.find((r) => r.currency_code?.toLowerCase() === "cny") ?? regions[0]
  }
  if (!region) throw new Error("No region is configured in the backend")
  cached = { key, region, at: Date.now() }
  return region
}
