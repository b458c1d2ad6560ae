export type TrackingState = "awaiting_shipment" | "shipped" | "delivered"

export type Parcel = {
  id: string
  state: TrackingState
  shipped_at: string | null
  delivered_at: string | null
  tracking_numbers: string[]
}

type RawFulfillment = {
  id: string
  shipped_at?: string | Date | null
  delivered_at?: string | Date | null
  canceled_at?: string | Date | null
  labels?: Array<{ tracking_number?: string | null } | null> | null
}

const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null)

/**
 * The customer's view of Medusa's own fulfilment flow: a parcel is awaiting shipment until the
 * operator marks it shipped (with its tracking number), then shipped until marked delivered. The
 * order is delivered once every parcel is, shipped once any left, awaiting shipment before that.
 */
export function orderTracking(fulfillments: RawFulfillment[] | null | undefined): { state: TrackingState; parcels: Parcel[] } {
  const parcels: Parcel[] = (fulfillments ?? [])
    .filter((f): f is RawFulfillment => Boolean(f && !f.canceled_at))
    .map((f) => ({
      id: f.id,
      state: f.delivered_at ? "delivered" : f.shipped_at ? "shipped" : "awaiting_shipment",
      shipped_at: iso(f.shipped_at),
      delivered_at: iso(f.delivered_at),
      tracking_numbers: (f.labels ?? []).map((l) => l?.tracking_number ?? "").filter(Boolean),
    }))
  const state: TrackingState =
    parcels.length > 0 && parcels.every((p) => p.state === "delivered")
      ? "delivered"
      : parcels.some((p) => p.state !== "awaiting_shipment")
        ? "shipped"
        : "awaiting_shipment"
  return { state, parcels }
}
