export type TrackingState = "awaiting_shipment" | "shipped" | "delivered"

type Fulfillment = {
  id: string
  shipped_at?: Date | string | null
  delivered_at?: Date | string | null
  canceled_at?: Date | string | null
  labels?: Array<{ tracking_number?: string | null; tracking_url?: string | null } | null> | null
}

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null)

/**
 * What the customer sees of Medusa's fulfilment flow: a parcel awaits shipment until the operator
 * marks it shipped (with a tracking number), then is shipped until marked delivered. The order is
 * delivered once every parcel is, shipped once any parcel left, awaiting shipment before.
 */
export function trackingView(fulfillments: Array<Fulfillment | null | undefined>) {
  const parcels = fulfillments
    .filter((f): f is Fulfillment => Boolean(f && !f.canceled_at))
    .map((f) => ({
      id: f.id,
      state: (f.delivered_at ? "delivered" : f.shipped_at ? "shipped" : "awaiting_shipment") as TrackingState,
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
