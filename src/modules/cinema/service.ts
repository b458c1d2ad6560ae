import crypto from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import Cinema from "./models/cinema"
import Film from "./models/film"
import Hall from "./models/hall"
import Seat from "./models/seat"
import SeatClaim from "./models/seat-claim"
import Showtime from "./models/showtime"
import { cinemaError } from "./cinema-error"
import { forgetSeatMap } from "./seat-map-cache"
import { pairsComplete, SeatType } from "./seat-rules"

type Knex = any

export const HOLD_MINUTES = Number(process.env.CINEMA_HOLD_MINUTES || 10)

const rid = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`

export type SeatMapRow = {
  id: string
  row: string
  number: number
  type: SeatType
  pair_id: string | null
  x: number
  y: number
  status: "available" | "held" | "booked" | "disabled"
  price: number
  mine: boolean
  hold_expires_at: Date | null
}

export type HeldSeat = {
  claim_id: string
  seat_id: string
  row_label: string
  number: number
  type: SeatType
  price: number
  expires_at: Date
}

class CinemaModuleService extends MedusaService({ Cinema, Hall, Seat, Film, Showtime, SeatClaim }) {
  /**
   * The seat map of a showtime with live availability and prices (fen), in ONE statement: a hold
   * counts only until it expires; `mine` marks the seats the given cart holds or booked.
   */
  @InjectManager()
  async seatMap(showtimeId: string, cartId: string | null = null, @MedusaContext() ctx: Context = {}): Promise<SeatMapRow[] | null> {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex
      .raw(
        `SELECT s.id, s.row_label AS row, s.number, s.type, s.pair_id, s.grid_x AS x, s.grid_y AS y,
                CASE WHEN s.disabled THEN 'disabled'
                     WHEN c.status = 'booked' THEN 'booked'
                     WHEN c.status = 'held' AND c.expires_at > now() THEN 'held'
                     ELSE 'available' END AS status,
                COALESCE((sh.prices ->> s.type)::int, 0) AS price,
                (c.cart_id IS NOT NULL AND c.cart_id = ?::text AND (c.status = 'booked' OR c.expires_at > now())) AS mine,
                CASE WHEN c.status = 'held' AND c.expires_at > now() THEN c.expires_at END AS hold_expires_at
           FROM cinema_showtime sh
           JOIN cinema_seat s ON s.hall_id = sh.hall_id AND s.deleted_at IS NULL
           LEFT JOIN cinema_seat_claim c ON c.showtime_id = sh.id AND c.seat_id = s.id
          WHERE sh.id = ? AND sh.deleted_at IS NULL
          ORDER BY s.grid_y, s.grid_x`,
        [cartId, showtimeId]
      )
      .options({ name: "cinema_seat_map" })
    return rows.length ? rows : null
  }

  /**
   * Holds seats of a showtime for a cart, all or none. Checks first (the seats belong to the
   * showtime's hall, none disabled, couple seats as whole pairs, the showtime not started), then
   * takes every seat in ONE conditional statement: a seat is taken when it has no claim, when its
   * hold expired, or when this cart already holds it. Fewer rows back than seats asked → someone
   * else has one of them → the transaction rolls back and the answer is 409 seat_unavailable.
   */
  @InjectManager()
  async holdSeats(
    input: { showtime_id: string; seat_ids: string[]; cart_id: string; now?: Date; hold_minutes?: number },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ showtime: any; seats: HeldSeat[] }> {
    const knex: Knex = (ctx.manager as any).getKnex()
    const now = input.now ?? new Date()
    const seatIds = [...new Set(input.seat_ids)].sort()
    if (seatIds.length !== input.seat_ids.length) throw cinemaError("invalid_request", "A seat is listed twice.")
    const { rows: shows } = await knex.raw(
      `SELECT sh.*, f.title AS film_title, h.name AS hall_name, c.name AS cinema_name, c.ticket_variants, c.merchant_id, c.merchant_store_id
         FROM cinema_showtime sh JOIN cinema_film f ON f.id = sh.film_id JOIN cinema_hall h ON h.id = sh.hall_id JOIN cinema c ON c.id = sh.cinema_id
        WHERE sh.id = ? AND sh.deleted_at IS NULL`,
      [input.showtime_id]
    )
    const showtime = shows[0]
    if (!showtime) throw cinemaError("showtime_not_found", `Showtime ${input.showtime_id} was not found.`)
    if (new Date(showtime.starts_at).getTime() <= now.getTime()) {
      throw cinemaError("showtime_past", "This showtime has already started; pick a later one.")
    }
    const { rows: seats } = await knex.raw(
      `SELECT id, hall_id, row_label, number, type, pair_id, disabled FROM cinema_seat WHERE id = ANY(?::text[]) AND deleted_at IS NULL`,
      [seatIds]
    )
    if (seats.length !== seatIds.length || seats.some((s: any) => s.hall_id !== showtime.hall_id)) {
      throw cinemaError("seat_not_in_hall", "One of the seats is not in this showtime's hall.")
    }
    if (seats.some((s: any) => s.disabled)) throw cinemaError("seat_disabled", "One of the seats cannot be sold.")
    if (!pairsComplete(seats)) {
      throw cinemaError("couple_pair_incomplete", "Couple seats are sold as a pair: choose both seats of the pair.")
    }
    const expiresAt = new Date(now.getTime() + (input.hold_minutes ?? HOLD_MINUTES) * 60_000)
    const claimIds = seatIds.map(() => rid("sclm"))
    const taken = await knex.transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(
        `INSERT INTO cinema_seat_claim (id, showtime_id, seat_id, status, cart_id, expires_at)
         SELECT u.claim_id, ?, u.seat_id, 'held', ?, ?::timestamptz
           FROM unnest(?::text[], ?::text[]) AS u(seat_id, claim_id)
         ON CONFLICT (showtime_id, seat_id) DO UPDATE
            SET cart_id = EXCLUDED.cart_id, expires_at = EXCLUDED.expires_at, line_item_id = NULL, updated_at = now(),
                id = CASE WHEN cinema_seat_claim.cart_id = EXCLUDED.cart_id THEN cinema_seat_claim.id ELSE EXCLUDED.id END
          WHERE cinema_seat_claim.status = 'held'
            AND (cinema_seat_claim.expires_at <= ?::timestamptz OR cinema_seat_claim.cart_id = EXCLUDED.cart_id)
         RETURNING id, seat_id, expires_at`,
        [input.showtime_id, input.cart_id, expiresAt, seatIds, claimIds, now]
      )
      if (rows.length !== seatIds.length) {
        throw cinemaError("seat_unavailable", "Someone else has just taken one of these seats; pick another.")
      }
      return rows as { id: string; seat_id: string; expires_at: Date }[]
    })
    forgetSeatMap(input.showtime_id)
    const byId = new Map(seats.map((s: any) => [s.id, s]))
    return {
      showtime,
      seats: taken.map((t) => {
        const s: any = byId.get(t.seat_id)
        return {
          claim_id: t.id,
          seat_id: t.seat_id,
          row_label: s.row_label,
          number: s.number,
          type: s.type,
          price: Number(showtime.prices?.[s.type] ?? 0),
          expires_at: new Date(t.expires_at),
        }
      }),
    }
  }

  /** Remembers which cart line a held seat became. */
  @InjectManager()
  async attachLineItems(cartId: string, lines: { seat_claim_id: string; line_item_id: string }[], @MedusaContext() ctx: Context = {}) {
    if (!lines.length) return
    const knex: Knex = (ctx.manager as any).getKnex()
    await knex.raw(
      `UPDATE cinema_seat_claim c SET line_item_id = u.line_item_id, updated_at = now()
         FROM unnest(?::text[], ?::text[]) AS u(claim_id, line_item_id)
        WHERE c.id = u.claim_id AND c.cart_id = ? AND c.status = 'held'`,
      [lines.map((l) => l.seat_claim_id), lines.map((l) => l.line_item_id), cartId]
    )
  }

  /** Lets go of a cart's holds (all of them, or those of the given claims); bookings stay. */
  @InjectManager()
  async releaseHolds(cartId: string, claimIds: string[] | null = null, @MedusaContext() ctx: Context = {}): Promise<string[]> {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `DELETE FROM cinema_seat_claim WHERE cart_id = ? AND status = 'held' AND (?::text[] IS NULL OR id = ANY(?::text[])) RETURNING id, showtime_id`,
      [cartId, claimIds, claimIds]
    )
    rows.forEach((r: any) => forgetSeatMap(r.showtime_id))
    return rows.map((r: any) => r.id)
  }

  /** Holds of a cart whose line is no longer in the cart (removed through Medusa's own route) are released. */
  @InjectManager()
  async releaseHoldsWithoutLine(cartId: string, lineItemIds: string[], @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `DELETE FROM cinema_seat_claim WHERE cart_id = ? AND status = 'held' AND line_item_id IS NOT NULL AND NOT (line_item_id = ANY(?::text[])) RETURNING id, showtime_id`,
      [cartId, lineItemIds]
    )
    rows.forEach((r: any) => forgetSeatMap(r.showtime_id))
    return rows.map((r: any) => r.id)
  }

  @InjectManager()
  async cartClaims(cartId: string, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(`SELECT * FROM cinema_seat_claim WHERE cart_id = ?`, [cartId])
    return rows as any[]
  }

  /**
   * Turns the holds behind the given cart lines into bookings, all or none, in one statement:
   * only a hold of this cart that has not expired qualifies. A hold that expired — even if nobody
   * took the seat since — does not complete: the shopper picks the seats again. Returns the
   * claims booked; throws seat_hold_expired when any line lost its seat.
   */
  @InjectManager()
  async bookCartSeats(
    input: { cart_id: string; order_id: string; claims: { claim_id: string; seat_id: string; showtime_id: string }[]; now?: Date },
    @MedusaContext() ctx: Context = {}
  ) {
    if (!input.claims.length) return []
    const knex: Knex = (ctx.manager as any).getKnex()
    const now = input.now ?? new Date()
    // a couple seat whose partner's line was removed from the cart is half a pair: not sold alone
    const { rows: seats } = await knex.raw(`SELECT id, type, pair_id FROM cinema_seat WHERE id = ANY(?::text[])`, [input.claims.map((c) => c.seat_id)])
    const byShowtime = new Map<string, any[]>()
    for (const c of input.claims) byShowtime.set(c.showtime_id, [...(byShowtime.get(c.showtime_id) ?? []), seats.find((s: any) => s.id === c.seat_id)].filter(Boolean))
    for (const group of byShowtime.values()) {
      if (!pairsComplete(group)) throw cinemaError("couple_pair_incomplete", "Couple seats are sold as a pair: the cart has only one seat of a pair.")
    }
    return knex.transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(
        `UPDATE cinema_seat_claim c SET status = 'booked', order_id = ?, expires_at = NULL, updated_at = now()
           FROM unnest(?::text[], ?::text[], ?::text[]) AS u(claim_id, seat_id, showtime_id)
          WHERE c.id = u.claim_id AND c.seat_id = u.seat_id AND c.showtime_id = u.showtime_id AND c.cart_id = ?
            AND ((c.status = 'held' AND c.expires_at > ?::timestamptz) OR (c.status = 'booked' AND c.order_id = ?))
         RETURNING c.id`,
        [
          input.order_id,
          input.claims.map((c) => c.claim_id),
          input.claims.map((c) => c.seat_id),
          input.claims.map((c) => c.showtime_id),
          input.cart_id,
          now,
          input.order_id,
        ]
      )
      if (rows.length !== input.claims.length) {
        throw cinemaError("seat_hold_expired", "The hold on a seat in this cart ran out; remove the ticket and choose the seat again.")
      }
      input.claims.forEach((c) => forgetSeatMap(c.showtime_id))
      return rows.map((r: any) => r.id as string)
    })
  }

  /** Compensation of bookCartSeats: the bookings of that order become holds of the cart again. */
  @InjectManager()
  async unbookCartSeats(cartId: string, orderId: string, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    forgetSeatMap()
    await knex.raw(
      `UPDATE cinema_seat_claim SET status = 'held', order_id = NULL, expires_at = now() + interval '2 minutes', updated_at = now()
        WHERE cart_id = ? AND order_id = ? AND status = 'booked'`,
      [cartId, orderId]
    )
  }

  /** A refunded ticket gives its seat back (idempotent: nothing to do the second time). */
  @InjectManager()
  async releaseBooking(input: { showtime_id: string; seat_id: string; order_id: string }, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `DELETE FROM cinema_seat_claim WHERE showtime_id = ? AND seat_id = ? AND order_id = ? AND status = 'booked' RETURNING id`,
      [input.showtime_id, input.seat_id, input.order_id]
    )
    forgetSeatMap(input.showtime_id)
    return rows.length
  }

  /**
   * Showtimes starting within [from, to), with film, cinema and hall, optionally for one film,
   * cinema or city; one statement.
   */
  @InjectManager()
  async listShowings(
    input: { from: Date; to: Date; film_id?: string; cinema_id?: string; city?: string; limit?: number },
    @MedusaContext() ctx: Context = {}
  ) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT sh.id, sh.starts_at, sh.ends_at, sh.format, sh.language, sh.prices,
              f.id AS film_id, f.title AS film_title, f.duration_minutes, c.id AS cinema_id, c.name AS cinema_name, c.city,
              h.id AS hall_id, h.name AS hall_name
         FROM cinema_showtime sh
         JOIN cinema_film f ON f.id = sh.film_id AND f.deleted_at IS NULL
         JOIN cinema c ON c.id = sh.cinema_id AND c.deleted_at IS NULL
         JOIN cinema_hall h ON h.id = sh.hall_id AND h.deleted_at IS NULL
        WHERE sh.deleted_at IS NULL AND sh.starts_at >= ? AND sh.starts_at < ?
          AND (?::text IS NULL OR sh.film_id = ?) AND (?::text IS NULL OR sh.cinema_id = ?) AND (?::text IS NULL OR c.city = ?)
        ORDER BY sh.starts_at, c.name, h.name
        LIMIT ?`,
      [
        input.from,
        input.to,
        input.film_id ?? null,
        input.film_id ?? null,
        input.cinema_id ?? null,
        input.cinema_id ?? null,
        input.city ?? null,
        input.city ?? null,
        input.limit ?? 500,
      ]
    )
    return rows as any[]
  }

  /** Films with at least one showtime from `from` on (optionally in a city), with their next start. */
  @InjectManager()
  async listFilmsShowing(input: { from: Date; city?: string }, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT f.*, min(sh.starts_at) AS next_starts_at, count(sh.id)::int AS showtimes
         FROM cinema_film f
         JOIN cinema_showtime sh ON sh.film_id = f.id AND sh.deleted_at IS NULL AND sh.starts_at >= ?
         JOIN cinema c ON c.id = sh.cinema_id AND c.deleted_at IS NULL
        WHERE f.deleted_at IS NULL AND (?::text IS NULL OR c.city = ?)
        GROUP BY f.id
        ORDER BY f.score DESC NULLS LAST, f.title`,
      [input.from, input.city ?? null, input.city ?? null]
    )
    return rows as any[]
  }

  /**
   * Schedules a showtime. The hall row is locked (FOR UPDATE) so two schedulers of one hall go one
   * after the other; a showtime whose busy window [start, end + cleaning) overlaps another's in the
   * same hall is refused with showtime_overlap.
   */
  @InjectManager()
  async scheduleShowtime(
    input: { film_id: string; hall_id: string; starts_at: Date; format: "2D" | "3D" | "IMAX"; language: string; prices: Record<SeatType, number> },
    @MedusaContext() ctx: Context = {}
  ) {
    const knex: Knex = (ctx.manager as any).getKnex()
    return knex.transaction(async (trx: Knex) => {
      const { rows: halls } = await trx.raw(`SELECT * FROM cinema_hall WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.hall_id])
      const hall = halls[0]
      if (!hall) throw cinemaError("hall_not_found", `Hall ${input.hall_id} was not found.`)
      const { rows: films } = await trx.raw(`SELECT * FROM cinema_film WHERE id = ? AND deleted_at IS NULL`, [input.film_id])
      const film = films[0]
      if (!film) throw cinemaError("film_not_found", `Film ${input.film_id} was not found.`)
      const startsAt = input.starts_at
      const endsAt = new Date(startsAt.getTime() + film.duration_minutes * 60_000)
      const busyUntil = new Date(endsAt.getTime() + hall.cleaning_minutes * 60_000)
      const { rows: clash } = await trx.raw(
        `SELECT sh.id, sh.starts_at, sh.busy_until, f.title FROM cinema_showtime sh JOIN cinema_film f ON f.id = sh.film_id
          WHERE sh.hall_id = ? AND sh.deleted_at IS NULL AND sh.starts_at < ? AND sh.busy_until > ? LIMIT 1`,
        [input.hall_id, busyUntil, startsAt]
      )
      if (clash.length) {
        const c = clash[0]
        throw cinemaError(
          "showtime_overlap",
          `The hall is busy with "${c.title}" from ${new Date(c.starts_at).toISOString()} until ${new Date(c.busy_until).toISOString()} (cleaning included).`
        )
      }
      const id = rid("sht")
      const { rows } = await trx.raw(
        `INSERT INTO cinema_showtime (id, film_id, hall_id, cinema_id, starts_at, ends_at, busy_until, format, language, prices)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING *`,
        [id, film.id, hall.id, hall.cinema_id, startsAt, endsAt, busyUntil, input.format, input.language, JSON.stringify(input.prices)]
      )
      return rows[0]
    })
  }

  /** Cancels a showtime nobody has a seat for. */
  @InjectManager()
  async cancelShowtime(id: string, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `UPDATE cinema_showtime SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM cinema_seat_claim c WHERE c.showtime_id = cinema_showtime.id AND (c.status = 'booked' OR c.expires_at > now()))
       RETURNING id`,
      [id]
    )
    if (!rows.length) throw cinemaError("showtime_has_bookings", "This showtime has sold or held seats and cannot be cancelled here.")
    forgetSeatMap(id)
  }

  /**
   * Replaces a hall's seat map (the admin's grid editor saves the whole grid). Refused while any
   * showtime of the hall that has not ended has a seat held or booked: those tickets name seats.
   */
  @InjectManager()
  async replaceHallSeats(
    hallId: string,
    grid: { rows: number; cols: number; seats: { row_label: string; number: number; type: SeatType; pair_id: string | null; x: number; y: number; disabled: boolean }[] },
    @MedusaContext() ctx: Context = {}
  ) {
    const knex: Knex = (ctx.manager as any).getKnex()
    return knex.transaction(async (trx: Knex) => {
      const { rows: halls } = await trx.raw(`SELECT * FROM cinema_hall WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [hallId])
      if (!halls[0]) throw cinemaError("hall_not_found", `Hall ${hallId} was not found.`)
      const { rows: busy } = await trx.raw(
        `SELECT 1 FROM cinema_seat_claim c JOIN cinema_showtime sh ON sh.id = c.showtime_id
          WHERE sh.hall_id = ? AND sh.ends_at > now() AND (c.status = 'booked' OR c.expires_at > now()) LIMIT 1`,
        [hallId]
      )
      if (busy.length) throw cinemaError("hall_has_bookings", "Seats of this hall are sold for a coming showtime; the map can't change now.")
      if (!pairsComplete(grid.seats.map((s) => ({ id: `${s.row_label}-${s.number}`, type: s.type, pair_id: s.pair_id })), true)) {
        throw cinemaError("couple_pair_incomplete", "Every couple seat needs exactly one partner with the same pair id.")
      }
      // seat ids are kept for seats that stay at the same row and number, so past tickets still resolve
      const { rows: old } = await trx.raw(`SELECT id, row_label, number FROM cinema_seat WHERE hall_id = ? AND deleted_at IS NULL`, [hallId])
      const keep = new Map(old.map((s: any) => [`${s.row_label}\u0000${s.number}`, s.id]))
      const ids = grid.seats.map((s) => keep.get(`${s.row_label}\u0000${s.number}`) ?? rid("seat"))
      await trx.raw(`UPDATE cinema_seat SET deleted_at = now() WHERE hall_id = ? AND deleted_at IS NULL AND NOT (id = ANY(?::text[]))`, [hallId, ids])
      if (grid.seats.length) {
        await trx.raw(
          `INSERT INTO cinema_seat (id, hall_id, row_label, number, type, pair_id, grid_x, grid_y, disabled)
           SELECT u.id, ?, u.row_label, u.number, u.type, u.pair_id, u.x, u.y, u.disabled
             FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::int[], ?::boolean[]) AS u(id, row_label, number, type, pair_id, x, y, disabled)
           ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, pair_id = EXCLUDED.pair_id, grid_x = EXCLUDED.grid_x, grid_y = EXCLUDED.grid_y,
             disabled = EXCLUDED.disabled, updated_at = now()`,
          [
            hallId,
            ids,
            grid.seats.map((s) => s.row_label),
            grid.seats.map((s) => s.number),
            grid.seats.map((s) => s.type),
            grid.seats.map((s) => s.pair_id),
            grid.seats.map((s) => s.x),
            grid.seats.map((s) => s.y),
            grid.seats.map((s) => s.disabled),
          ]
        )
      }
      await trx.raw(`UPDATE cinema_hall SET grid_rows = ?, grid_cols = ?, updated_at = now() WHERE id = ?`, [grid.rows, grid.cols, hallId])
      forgetSeatMap()
      return ids.length
    })
  }
}

export default CinemaModuleService
