import crypto from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { encryptSecret, hmacLookup } from "../../lib/secrets"
import { shanghaiDate } from "../../lib/shanghai-time"
import { ageOn, checkIdNumber, checkPhone, CHILD_MAX_AGE, IdType, maskIdNumber, maskPhone, normalisePhone, SENIOR_MIN_AGE } from "./id-documents"
import TravelDeparture from "./models/travel-departure"
import TravelHold from "./models/travel-hold"
import TravelPackage from "./models/travel-package"
import TravelTraveller from "./models/travel-traveller"
import { placePriceFen, TravellerType } from "./pricing"
import { TravelError } from "./travel-error"

type Knex = any

export const HOLD_MINUTES = 15
export const MAX_TRAVELLERS_PER_BOOKING = 9
const ID_PURPOSE = "travel-id-number"
const PHONE_PURPOSE = "travel-phone"

const rid = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`
const num = (v: unknown) => Number(v ?? 0)

export type TravellerInput = { type: TravellerType; name: string; id_type: IdType; id_number: string; phone: string; single_room?: boolean }

export type DepartureRow = {
  id: string
  package_id: string
  date: string
  capacity: number
  sold: number
  held: number
  remaining: number
  price_adult: number
  price_child: number
  price_senior: number
  single_supplement: number
  status: "open" | "closed"
}

/** Checks one traveller's details against the departure day; throws TravelError with a machine code. */
export function checkTraveller(t: TravellerInput, departureDate: string, index = 0): { id_number: string; phone: string } {
  const who = `Traveller ${index + 1}`
  if (!t.name?.trim()) throw new TravelError("invalid_traveller", `${who}: a name is required.`)
  const id = checkIdNumber(t.id_type, t.id_number ?? "")
  if (!id.ok) throw new TravelError("invalid_id_number", `${who}: ${id.reason}`)
  if (!checkPhone(t.phone ?? "")) throw new TravelError("invalid_phone", `${who}: the phone number is not a mobile number.`)
  if (id.birth_date) {
    const age = ageOn(id.birth_date, departureDate)
    if (age < 0) throw new TravelError("invalid_id_number", `${who}: the ID card's birth date is after the departure.`)
    if (t.type === "child" && age > CHILD_MAX_AGE) throw new TravelError("traveller_type_mismatch", `${who}: a child place is for travellers under ${CHILD_MAX_AGE + 1} on the departure day.`)
    if (t.type === "senior" && age < SENIOR_MIN_AGE) throw new TravelError("traveller_type_mismatch", `${who}: a senior place is for travellers aged ${SENIOR_MIN_AGE} or more.`)
    if (t.type === "adult" && age <= CHILD_MAX_AGE) throw new TravelError("traveller_type_mismatch", `${who}: travellers under ${CHILD_MAX_AGE + 1} book a child place.`)
  }
  return { id_number: id.number, phone: normalisePhone(t.phone) }
}

class TravelModuleService extends MedusaService({ TravelPackage, TravelDeparture, TravelHold, TravelTraveller }) {
  private knexOf(ctx: Context): Knex {
    return (ctx.manager as any).getKnex()
  }

  /** Departures with places left at `now`: capacity − sold − holds still running. */
  @InjectManager()
  async listAvailability(
    filter: { package_id?: string; ids?: string[]; from?: string; to?: string; now?: Date },
    @MedusaContext() ctx: Context = {}
  ): Promise<DepartureRow[]> {
    const now = filter.now ?? new Date()
    const where: string[] = ["d.deleted_at IS NULL"]
    const args: unknown[] = [now]
    const add = (clause: string, value: unknown) => {
      where.push(clause)
      args.push(value)
    }
    if (filter.package_id) add("d.package_id = ?", filter.package_id)
    if (filter.ids) add("d.id = ANY(?)", filter.ids)
    if (filter.from) add("d.date >= ?", filter.from)
    if (filter.to) add("d.date <= ?", filter.to)
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT d.*, COALESCE(h.held, 0)::int AS held
         FROM travel_departure d
         LEFT JOIN (SELECT departure_id, SUM(quantity) AS held FROM travel_hold
                     WHERE status = 'active' AND expires_at > ? AND deleted_at IS NULL GROUP BY departure_id) h
           ON h.departure_id = d.id
        WHERE ${where.join(" AND ")}
        ORDER BY d.date`,
      args
    )
    return rows.map((r: any) => {
      const capacity = num(r.capacity)
      const sold = num(r.sold)
      const held = num(r.held)
      return {
        id: r.id,
        package_id: r.package_id,
        date: r.date,
        capacity,
        sold,
        held,
        remaining: Math.max(0, capacity - sold - held),
        price_adult: num(r.price_adult),
        price_child: num(r.price_child),
        price_senior: num(r.price_senior),
        single_supplement: num(r.single_supplement),
        status: r.status,
      }
    })
  }

  /** Marks the departure's lapsed holds expired and frees their travellers; runs under the departure's lock. */
  private async expireLapsed(trx: Knex, departureId: string, now: Date) {
    const { rows } = await trx.raw(
      `UPDATE travel_hold SET status = 'expired', updated_at = now()
        WHERE departure_id = ? AND status = 'active' AND expires_at <= ? AND deleted_at IS NULL RETURNING id`,
      [departureId, now]
    )
    if (rows.length) {
      await trx.raw(`UPDATE travel_traveller SET status = 'released', updated_at = now() WHERE hold_id = ANY(?) AND status = 'held'`, [rows.map((r: any) => r.id)])
    }
    return rows.length as number
  }

  private async lockDeparture(trx: Knex, departureId: string) {
    const { rows } = await trx.raw(`SELECT * FROM travel_departure WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [departureId])
    return rows[0] as any
  }

  private async activeHeld(trx: Knex, departureId: string, exceptHoldId?: string) {
    const { rows } = await trx.raw(
      `SELECT COALESCE(SUM(quantity), 0)::int AS held FROM travel_hold
        WHERE departure_id = ? AND status = 'active' AND deleted_at IS NULL AND id <> ?`,
      [departureId, exceptHoldId ?? ""]
    )
    return num(rows[0]?.held)
  }

  /**
   * Holds places for a cart for HOLD_MINUTES. The departure row is locked (SELECT … FOR UPDATE) so
   * concurrent bookings of one departure queue up; each then sees the holds committed before it and
   * takes places only while capacity − sold − active holds covers the party. Never oversold.
   */
  @InjectManager()
  async holdPlaces(
    input: { departure_id: string; cart_id: string; travellers: TravellerInput[]; now?: Date; hold_minutes?: number },
    @MedusaContext() ctx: Context = {}
  ) {
    const now = input.now ?? new Date()
    const n = input.travellers.length
    if (n < 1) throw new TravelError("no_travellers", "Add at least one traveller.")
    if (n > MAX_TRAVELLERS_PER_BOOKING) throw new TravelError("too_many_travellers", `At most ${MAX_TRAVELLERS_PER_BOOKING} travellers per booking.`)
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const d = await this.lockDeparture(trx, input.departure_id)
      if (!d) throw new TravelError("departure_not_found", `Departure ${input.departure_id} was not found.`, 404)
      if (d.status !== "open") throw new TravelError("departure_closed", "This departure is no longer taking bookings.")
      if (d.date <= shanghaiDate(now)) throw new TravelError("departure_past", `The departure on ${d.date} has left or leaves today; choose a later date.`)
      const checked = input.travellers.map((t, i) => ({ ...t, ...checkTraveller(t, d.date, i) }))
      if (!checked.some((t) => t.type !== "child")) throw new TravelError("child_needs_adult", "Children travel with an adult or a senior.")
      const hmacs = checked.map((t) => hmacLookup(ID_PURPOSE, `${t.id_type}:${t.id_number}`))
      if (new Set(hmacs).size !== hmacs.length) throw new TravelError("duplicate_traveller", "The same document appears twice in this booking.")

      await this.expireLapsed(trx, d.id, now)
      const held = await this.activeHeld(trx, d.id)
      const remaining = num(d.capacity) - num(d.sold) - held
      if (remaining < n) {
        throw new TravelError("sold_out", remaining > 0 ? `Only ${remaining} place(s) left on ${d.date}.` : `No places left on ${d.date}.`, 409)
      }
      const holdId = rid("thold")
      const expiresAt = new Date(now.getTime() + (input.hold_minutes ?? HOLD_MINUTES) * 60_000)
      await trx.raw(
        `INSERT INTO travel_hold (id, departure_id, cart_id, quantity, expires_at, status) VALUES (?, ?, ?, ?, ?, 'active')`,
        [holdId, d.id, input.cart_id, n, expiresAt]
      )
      const travellers = checked.map((t, i) => ({
        id: rid("ttrv"),
        hold_id: holdId,
        departure_id: d.id,
        cart_id: input.cart_id,
        type: t.type,
        name: t.name.trim(),
        id_type: t.id_type,
        id_number_encrypted: encryptSecret(ID_PURPOSE, t.id_number),
        id_number_masked: maskIdNumber(t.id_number),
        id_number_hmac: hmacs[i],
        phone_encrypted: encryptSecret(PHONE_PURPOSE, t.phone),
        phone_masked: maskPhone(t.phone),
        single_room: !!t.single_room && t.type !== "child",
        unit_price: placePriceFen(d, t.type, t.single_room),
        status: "held",
      }))
      try {
        await trx.raw(`SAVEPOINT travellers`)
        await trx("travel_traveller").insert(travellers)
      } catch (e: any) {
        if (/IDX_travel_traveller_departure_id_id_number_hmac_unique/.test(String(e?.message))) {
          throw new TravelError("traveller_already_booked", "One of these travellers already has a place on this departure.", 409)
        }
        throw e
      }
      return {
        hold: { id: holdId, departure_id: d.id, cart_id: input.cart_id, quantity: n, expires_at: expiresAt, status: "active" as const },
        departure: { id: d.id, date: d.date as string, package_id: d.package_id as string },
        // never the sealed values: callers get what may be shown
        travellers: travellers.map((t) => ({
          id: t.id, type: t.type, name: t.name, id_type: t.id_type, id_number_masked: t.id_number_masked,
          phone_masked: t.phone_masked, single_room: t.single_room, unit_price: t.unit_price,
        })),
      }
    })
  }

  @InjectManager()
  async attachLineItems(mapping: { traveller_id: string; line_item_id: string }[], @MedusaContext() ctx: Context = {}) {
    const knex = this.knexOf(ctx)
    for (const m of mapping) {
      await knex.raw(`UPDATE travel_traveller SET line_item_id = ?, updated_at = now() WHERE id = ?`, [m.line_item_id, m.traveller_id])
    }
  }

  /** Gives an active hold's places back (line removed, add-to-cart failed). Idempotent. */
  @InjectManager()
  async releaseHold(holdId: string, @MedusaContext() ctx: Context = {}) {
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(
        `UPDATE travel_hold SET status = 'released', updated_at = now() WHERE id = ? AND status = 'active' RETURNING id`,
        [holdId]
      )
      await trx.raw(`UPDATE travel_traveller SET status = 'released', updated_at = now() WHERE hold_id = ? AND status = 'held'`, [holdId])
      return rows.length > 0
    })
  }

  /**
   * Releases the cart's active holds whose lines have all left the cart. A hold still being added
   * (travellers without a line yet) is not touched: its own request releases it if adding fails.
   */
  @InjectManager()
  async releaseOrphanedHolds(cartId: string, lineItemIds: string[], @MedusaContext() ctx: Context = {}) {
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT h.id FROM travel_hold h
        WHERE h.cart_id = ? AND h.status = 'active' AND h.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM travel_traveller t WHERE t.hold_id = h.id AND (t.line_item_id IS NULL OR t.line_item_id = ANY(?)))`,
      [cartId, lineItemIds]
    )
    for (const r of rows) await this.releaseHold(r.id, ctx)
    return rows.length as number
  }

  /** The job: every lapsed hold becomes expired (its places were already free for others). */
  @InjectManager()
  async expireHolds(now: Date = new Date(), @MedusaContext() ctx: Context = {}) {
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT DISTINCT departure_id FROM travel_hold WHERE status = 'active' AND expires_at <= ? AND deleted_at IS NULL`,
      [now]
    )
    let expired = 0
    for (const r of rows) {
      expired += await this.knexOf(ctx).transaction(async (trx: Knex) => {
        await this.lockDeparture(trx, r.departure_id)
        return this.expireLapsed(trx, r.departure_id, now)
      })
    }
    return expired
  }

  /**
   * Before the cart's payment is authorised: every travel line must belong to a hold of this cart;
   * a hold that ran out is taken again if the places are still free, and every hold is extended so
   * it cannot lapse between payment and the order.placed conversion.
   */
  @InjectManager()
  async confirmCartHolds(
    input: { cart_id: string; lines: { id: string; quantity: number; traveller_id: string | null }[]; now?: Date },
    @MedusaContext() ctx: Context = {}
  ) {
    const now = input.now ?? new Date()
    const travelLines = input.lines.filter((l) => l.traveller_id)
    if (!travelLines.length) return { holds: 0 }
    if (travelLines.some((l) => Number(l.quantity) !== 1)) throw new TravelError("invalid_travel_line", "Each traveller is one place; change the party on the package page.")
    const { rows: travellers } = await this.knexOf(ctx).raw(
      `SELECT id, hold_id, line_item_id, departure_id FROM travel_traveller WHERE id = ANY(?) AND cart_id = ? AND deleted_at IS NULL`,
      [travelLines.map((l) => l.traveller_id), input.cart_id]
    )
    const byId = new Map(travellers.map((t: any) => [t.id, t]))
    for (const l of travelLines) {
      const t: any = byId.get(l.traveller_id!)
      if (!t || t.line_item_id !== l.id) throw new TravelError("hold_not_found", "A travel place in this cart has no hold; book it again.")
    }
    const holdIds: string[] = [...new Set<string>(travellers.map((t: any) => t.hold_id as string))]
    for (const holdId of holdIds) {
      await this.knexOf(ctx).transaction(async (trx: Knex) => {
        const { rows: [h] } = await trx.raw(`SELECT * FROM travel_hold WHERE id = ?`, [holdId])
        const d = await this.lockDeparture(trx, h.departure_id)
        if (d.date <= shanghaiDate(now)) throw new TravelError("departure_past", `The departure on ${d.date} has left; remove it from the cart.`)
        const { rows: [fresh] } = await trx.raw(`SELECT * FROM travel_hold WHERE id = ? FOR UPDATE`, [holdId])
        if (fresh.status === "sold") return
        if (fresh.status === "released") throw new TravelError("hold_expired", "These places were released; book them again.")
        const lapsed = fresh.status === "expired" || new Date(fresh.expires_at) <= now
        if (lapsed) {
          await this.expireLapsed(trx, d.id, now)
          const held = await this.activeHeld(trx, d.id, holdId)
          if (num(d.capacity) - num(d.sold) - held < num(fresh.quantity)) {
            throw new TravelError("sold_out", `Your hold on ${d.date} ran out and the places have gone.`, 409)
          }
          // the travellers of a lapsed hold may have been released by the sweep; take them back
          try {
            await trx.raw(`SAVEPOINT retake`)
            await trx.raw(`UPDATE travel_traveller SET status = 'held', updated_at = now() WHERE hold_id = ? AND status = 'released'`, [holdId])
          } catch (e: any) {
            if (/id_number_hmac/.test(String(e?.message))) throw new TravelError("traveller_already_booked", "A traveller of this booking has another place on the departure.", 409)
            throw e
          }
        }
        await trx.raw(
          `UPDATE travel_hold SET status = 'active', expires_at = ?, updated_at = now() WHERE id = ?`,
          [new Date(now.getTime() + HOLD_MINUTES * 60_000), holdId]
        )
      })
    }
    return { holds: holdIds.length }
  }

  /**
   * The order was placed: its travellers' holds become sold places, once. Each hold flips
   * active → sold in the same transaction that adds its quantity to the departure's `sold`, so a
   * redelivered order.placed finds nothing left to convert. Travellers now point at the order's lines
   * (the voucher's line_item_id), which is how a refund finds its place.
   */
  @InjectManager()
  async convertOrderPlaces(input: { order_id: string; units: { traveller_id: string; line_item_id: string }[] }, @MedusaContext() ctx: Context = {}) {
    if (!input.units.length) return { converted: 0 }
    const { rows: found } = await this.knexOf(ctx).raw(
      `SELECT DISTINCT hold_id, departure_id FROM travel_traveller WHERE id = ANY(?) AND deleted_at IS NULL`,
      [input.units.map((u) => u.traveller_id)]
    )
    let converted = 0
    for (const h of found) {
      converted += await this.knexOf(ctx).transaction(async (trx: Knex) => {
        await this.lockDeparture(trx, h.departure_id)
        const { rows } = await trx.raw(
          `UPDATE travel_hold SET status = 'sold', order_id = ?, updated_at = now()
            WHERE id = ? AND status IN ('active', 'expired') RETURNING quantity`,
          [input.order_id, h.hold_id]
        )
        if (!rows.length) return 0
        await trx.raw(`UPDATE travel_departure SET sold = sold + ?, updated_at = now() WHERE id = ?`, [num(rows[0].quantity), h.departure_id])
        for (const u of input.units) {
          await trx.raw(
            `UPDATE travel_traveller SET status = 'booked', order_id = ?, line_item_id = ?, updated_at = now() WHERE id = ? AND hold_id = ?`,
            [input.order_id, u.line_item_id, u.traveller_id, h.hold_id]
          )
        }
        return num(rows[0].quantity)
      })
    }
    return { converted }
  }

  /** A refunded place goes back on sale, once: booked → cancelled and sold − 1 in one transaction. */
  @InjectManager()
  async cancelPlace(lineItemId: string, @MedusaContext() ctx: Context = {}) {
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(`SELECT departure_id FROM travel_traveller WHERE line_item_id = ? AND status = 'booked' AND deleted_at IS NULL`, [lineItemId])
      if (!rows.length) return false
      await this.lockDeparture(trx, rows[0].departure_id)
      const upd = await trx.raw(
        `UPDATE travel_traveller SET status = 'cancelled', updated_at = now() WHERE line_item_id = ? AND status = 'booked' RETURNING departure_id`,
        [lineItemId]
      )
      if (!upd.rows.length) return false
      await trx.raw(`UPDATE travel_departure SET sold = sold - 1, updated_at = now() WHERE id = ? AND sold > 0`, [upd.rows[0].departure_id])
      return true
    })
  }

  /** Changes capacity without going below what is sold and held. */
  @InjectManager()
  async updateDepartureSafely(
    id: string,
    patch: Partial<{ capacity: number; price_adult: number; price_child: number; price_senior: number; single_supplement: number; status: "open" | "closed" }>,
    @MedusaContext() ctx: Context = {}
  ) {
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const d = await this.lockDeparture(trx, id)
      if (!d) throw new TravelError("departure_not_found", `Departure ${id} was not found.`, 404)
      if (patch.capacity !== undefined) {
        await this.expireLapsed(trx, id, new Date())
        const taken = num(d.sold) + (await this.activeHeld(trx, id))
        if (patch.capacity < taken) throw new TravelError("capacity_below_booked", `${taken} places are sold or held; capacity cannot go below that.`)
      }
      const fields = Object.entries(patch).filter(([, v]) => v !== undefined)
      if (fields.length) {
        await trx("travel_departure").where({ id }).update({ ...Object.fromEntries(fields), updated_at: new Date() })
      }
      const { rows } = await trx.raw(`SELECT * FROM travel_departure WHERE id = ?`, [id])
      return rows[0]
    })
  }

  /** One departure per date in [from, to] on the chosen ISO weekdays; existing dates are left alone. */
  @InjectManager()
  async bulkCreateDepartures(
    input: { package_id: string; dates: string[]; capacity: number; price_adult: number; price_child: number; price_senior: number; single_supplement: number },
    @MedusaContext() ctx: Context = {}
  ) {
    if (!input.dates.length) return { created: [] as string[], skipped: [] as string[] }
    const rows = input.dates.map((date) => ({
      id: rid("tdep"),
      package_id: input.package_id,
      date,
      capacity: input.capacity,
      sold: 0,
      price_adult: input.price_adult,
      price_child: input.price_child,
      price_senior: input.price_senior,
      single_supplement: input.single_supplement,
      status: "open",
    }))
    const { rows: inserted } = await this.knexOf(ctx).raw(
      `INSERT INTO travel_departure (id, package_id, date, capacity, sold, price_adult, price_child, price_senior, single_supplement, status)
       SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(id text, package_id text, date text, capacity int, sold int, price_adult int, price_child int, price_senior int, single_supplement int, status text)
       ON CONFLICT (package_id, date) WHERE deleted_at IS NULL DO NOTHING RETURNING date`,
      [JSON.stringify(rows)]
    )
    const created = inserted.map((r: any) => r.date as string).sort()
    return { created, skipped: input.dates.filter((d) => !created.includes(d)) }
  }

  /** Who travels on a departure, masked: full numbers never leave the database through the admin. */
  @InjectManager()
  async manifest(departureId: string, @MedusaContext() ctx: Context = {}) {
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT * FROM travel_traveller WHERE departure_id = ? AND status IN ('booked', 'held') AND deleted_at IS NULL ORDER BY status, order_id, created_at`,
      [departureId]
    )
    return rows.map((t: any) => ({
      id: t.id,
      status: t.status,
      order_id: t.order_id,
      type: t.type,
      name: t.name,
      id_type: t.id_type,
      id_number: t.id_number_masked,
      phone: t.phone_masked,
      single_room: !!t.single_room,
      unit_price: num(t.unit_price),
    }))
  }
}

export default TravelModuleService
