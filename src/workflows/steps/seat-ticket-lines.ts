import { fenToMajor } from "../../lib/money"
import { cinemaError } from "../../modules/cinema/cinema-error"
import type { HeldSeat } from "../../modules/cinema/service"

// A ticket checks in from 2 h before the start until 30 min after it.
export const CHECK_IN_OPENS_MINUTES = 120
export const CHECK_IN_CLOSES_MINUTES = 30

const TYPE_LABEL: Record<string, string> = { standard: "標準 Standard", vip: "VIP", couple: "情侶 Couple" }

/** The cart lines of freshly held seats: one line of quantity 1 per seat. */
export function ticketLineItems(showtime: any, seats: HeldSeat[]) {
  const startsAt = new Date(showtime.starts_at)
  const variants = (showtime.ticket_variants ?? {}) as Record<string, string>
  return seats.map((s) => {
    const variantId = variants[s.type]
    if (!variantId) throw cinemaError("invalid_request", `This cinema sells no ${s.type} tickets.`)
    const seatLabel = `${s.row_label}${s.number}`
    const details = {
      showtime_id: showtime.id,
      seat_id: s.seat_id,
      film: { id: showtime.film_id, title: showtime.film_title },
      cinema: { id: showtime.cinema_id, name: showtime.cinema_name },
      hall: { id: showtime.hall_id, name: showtime.hall_name },
      starts_at: startsAt.toISOString(),
      format: showtime.format,
      language: showtime.language,
      seat: { id: s.seat_id, row: s.row_label, number: s.number, type: s.type, label: seatLabel },
    }
    return {
      variant_id: variantId,
      quantity: 1,
      unit_price: fenToMajor(s.price),
      is_tax_inclusive: true,
      title: showtime.film_title,
      subtitle: `${showtime.cinema_name} · ${showtime.hall_name} · ${seatLabel} ${TYPE_LABEL[s.type] ?? s.type}`,
      metadata: {
        cinema: { showtime_id: showtime.id, seat_id: s.seat_id, seat_claim_id: s.claim_id, seat_label: seatLabel, starts_at: startsAt.toISOString() },
        voucher: {
          valid_from: new Date(startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000).toISOString(),
          expires_at: new Date(startsAt.getTime() + CHECK_IN_CLOSES_MINUTES * 60_000).toISOString(),
          details,
        },
      },
    }
  })
}
