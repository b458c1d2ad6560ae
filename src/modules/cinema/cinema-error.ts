import { MedusaError } from "@medusajs/framework/utils"

export type CinemaErrorCode =
  | "invalid_request"
  | "showtime_not_found"
  | "showtime_past"
  | "seat_not_in_hall"
  | "seat_disabled"
  | "couple_pair_incomplete"
  | "seat_unavailable"
  | "seat_hold_expired"
  | "hall_not_found"
  | "film_not_found"
  | "cinema_not_found"
  | "showtime_overlap"
  | "showtime_has_bookings"
  | "hall_has_bookings"
  | "cart_not_found"
  | "cart_completed"
  | "ticket_not_found"
  | "refund_window_closed"
  | "seat_required"

const TYPES: Partial<Record<CinemaErrorCode, string>> = {
  showtime_not_found: MedusaError.Types.NOT_FOUND,
  hall_not_found: MedusaError.Types.NOT_FOUND,
  film_not_found: MedusaError.Types.NOT_FOUND,
  cinema_not_found: MedusaError.Types.NOT_FOUND,
  cart_not_found: MedusaError.Types.NOT_FOUND,
  ticket_not_found: MedusaError.Types.NOT_FOUND,
  seat_unavailable: MedusaError.Types.CONFLICT,
  showtime_overlap: MedusaError.Types.CONFLICT,
  showtime_has_bookings: MedusaError.Types.CONFLICT,
  hall_has_bookings: MedusaError.Types.CONFLICT,
}

const CONFLICTS = new Set<CinemaErrorCode>(["seat_unavailable", "showtime_overlap", "showtime_has_bookings", "hall_has_bookings"])

/**
 * The HTTP answer for a cinema error, or null for anything else. Medusa's own error handler turns
 * every 409 into a generic `invalid_state_error`, so conflicts are answered by our routes directly
 * (through `cinemaRoute`) to keep their machine code.
 */
export function cinemaErrorResponse(e: unknown): { status: number; body: { code: string; message: string } } | null {
  const err = e as { code?: string; message?: string; type?: string } | null
  if (!err?.code || !CONFLICTS.has(err.code as CinemaErrorCode)) return null
  return { status: 409, body: { code: err.code, message: String(err.message ?? "") } }
}

/** The error our routes answer with `{ code, message }`: 404 / 409 / 400 by code. */
export function cinemaError(code: CinemaErrorCode, message: string) {
  return new MedusaError((TYPES[code] ?? MedusaError.Types.NOT_ALLOWED) as any, message, code)
}
