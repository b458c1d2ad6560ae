import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"

export const DEVICE_HEADER = "x-device-id"
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/

/** Whose recent searches: the signed-in customer, else the device (`x-device-id`), else nobody. */
export function searchActor(req: AuthenticatedMedusaRequest): string | null {
  const customer = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  if (customer) return customer
  const device = req.headers[DEVICE_HEADER]
  if (typeof device === "string" && DEVICE_ID.test(device)) return `device:${device}`
  return null
}
