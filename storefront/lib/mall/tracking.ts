export type TrackingState = "awaiting_shipment" | "shipped" | "delivered"

export type Parcel = {
  id: string
  state: TrackingState
  shipped_at: string | null
  delivered_at: string | null
  tracking_numbers: string[]
}

export type OrderTrackingView = { state: TrackingState; parcels: Parcel[] }

const STATES: readonly string[] = ["awaiting_shipment", "shipped", "delivered"]
const state = (v: unknown): TrackingState => (typeof v === "string" && STATES.includes(v) ? (v as TrackingState) : "awaiting_shipment")
const str = (v: unknown) => (typeof v === "string" && v ? v : null)

/** The backend's tracking answer (`GET /store/mall/orders/:id/tracking`), checked field by field. */
export function toTrackingView(raw: unknown): OrderTrackingView {
  const r = (raw ?? {}) as Record<string, any>
  const parcels: Parcel[] = Array.isArray(r.parcels)
    ? r.parcels.map((p: any) => ({
        id: String(p?.id ?? ""),
        state: state(p?.state),
        shipped_at: str(p?.shipped_at),
        delivered_at: str(p?.delivered_at),
        tracking_numbers: Array.isArray(p?.tracking_numbers) ? p.tracking_numbers.filter((n: unknown) => typeof n === "string" && n) : [],
      }))
    : []
  return { state: state(r.state), parcels }
}
