import crypto from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { pointsExpiryFor, shanghaiParts } from "../../lib/shanghai-time"
import BenefitProgram from "./models/benefit-program"
import BenefitQuota from "./models/benefit-quota"
import BenefitUsage from "./models/benefit-usage"
import CartRights from "./models/cart-rights"
import OrderLineFunding from "./models/order-line-funding"
import PointsAccount from "./models/points-account"
import PointsEntry from "./models/points-entry"
import PointsLot from "./models/points-lot"
import PointsRule from "./models/points-rule"
import RightsRefund from "./models/rights-refund"
import { periodKey, QuotaPeriod } from "./period"
import { clawbackTarget, DEFAULT_MAX_BURN_BPS, proRata, RightsError, unitShare } from "./rules"

type Knex = any
type EntryKind = "earn" | "burn" | "release" | "refund" | "clawback" | "expire" | "adjust"
type LotSlice = { lot_id: string; points: number }

export type Posting = {
  customer_id: string
  kind: EntryKind
  /** signed: credits > 0, debits < 0 */
  points: number
  posting_key: string
  order_id?: string | null
  cart_id?: string | null
  reason?: string | null
  operator_id?: string | null
  /** debits: take what there is instead of refusing (clawbacks never push a balance below zero) */
  clamp?: boolean
  /** credits: put the points back into these lots instead of opening a new one */
  restore?: LotSlice[]
  now?: Date
}

const rid = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`

export type ProgramRow = {
  id: string
  name: string
  kind: "fixed_price" | "percent_off" | "amount_off"
  scope_type: "scene" | "category" | "product"
  scope_value: string
  value: number
  cap: number | null
  quota: number
  quota_period: QuotaPeriod
  funder: "platform" | "merchant"
  customer_group_id: string
  weekdays: number[] | null
  starts_at: Date | null
  ends_at: Date | null
  status: "active" | "paused"
}

export function programOpen(p: ProgramRow, now: Date): boolean {
  if (p.status !== "active") return false
  if (p.starts_at && new Date(p.starts_at) > now) return false
  if (p.ends_at && new Date(p.ends_at) <= now) return false
  if (p.weekdays?.length && !p.weekdays.includes(shanghaiParts(now).isoWeekday)) return false
  return true
}

const num = (v: unknown) => Number(v ?? 0)

class RightsModuleService extends MedusaService({
  PointsAccount,
  PointsEntry,
  PointsLot,
  PointsRule,
  BenefitProgram,
  BenefitQuota,
  BenefitUsage,
  CartRights,
  OrderLineFunding,
  RightsRefund,
}) {
  private knexOf(ctx: Context): Knex {
    return (ctx.manager as any).getKnex()
  }

  @InjectManager()
  async pointsBalance(customerId: string, @MedusaContext() ctx: Context = {}): Promise<number> {
    const { rows } = await this.knexOf(ctx).raw(`SELECT balance FROM points_account WHERE customer_id = ? AND deleted_at IS NULL`, [customerId])
    return num(rows[0]?.balance)
  }

  @InjectManager()
  async listPointsHistory(customerId: string, limit = 50, offset = 0, @MedusaContext() ctx: Context = {}) {
    const knex = this.knexOf(ctx)
    const [{ rows }, count] = await Promise.all([
      knex.raw(
        // a burn is posted against the cart; its order is known once the cart completed
        `SELECT e.id, e.kind, e.points, e.balance_after, COALESCE(e.order_id, cr.order_id) AS order_id, e.reason, e.operator_id, e.created_at
         FROM points_entry e LEFT JOIN cart_rights cr ON cr.cart_id = e.cart_id AND cr.deleted_at IS NULL
         WHERE e.customer_id = ? ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`,
        [customerId, limit, offset]
      ),
      knex.raw(`SELECT count(*)::int AS n FROM points_entry WHERE customer_id = ?`, [customerId]),
    ])
    const expiring = await knex.raw(
      `SELECT expires_at, sum(remaining)::int AS points FROM points_lot WHERE customer_id = ? AND remaining > 0 AND deleted_at IS NULL
       GROUP BY expires_at ORDER BY expires_at LIMIT 3`,
      [customerId]
    )
    return {
      entries: rows.map((r: any) => ({ ...r, points: num(r.points), balance_after: num(r.balance_after) })),
      count: count.rows[0].n as number,
      expiring: expiring.rows.map((r: any) => ({ expires_at: r.expires_at, points: num(r.points) })),
    }
  }

  /** Posts one ledger entry exactly once (by posting_key); returns it, or the earlier one on a replay. */
  @InjectManager()
  async postPoints(posting: Posting, @MedusaContext() ctx: Context = {}) {
    return this.knexOf(ctx).transaction((trx: Knex) => this.post(trx, posting))
  }

  /** Points burned and quota taken for a cart, all or nothing, once; false when already taken. */
  @InjectManager()
  async takeCartRights(
    input: { cart_id: string; customer_id: string; points: number; benefit: (ProgramRow & { value_fen: number }) | null; now?: Date },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ took: boolean }> {
    const now = input.now ?? new Date()
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(`SELECT id, status FROM cart_rights WHERE cart_id = ? AND deleted_at IS NULL FOR UPDATE`, [input.cart_id])
      if (rows[0]?.status === "taken") return { took: false }
      if (input.points > 0) {
        await this.post(trx, {
          customer_id: input.customer_id,
          kind: "burn",
          points: -input.points,
          // a failed checkout releases its burn, and the next attempt burns afresh under a new key
          posting_key: `burn:${input.cart_id}:${await this.releaseCount(trx, input.cart_id)}`,
          cart_id: input.cart_id,
          now,
        })
      }
      if (input.benefit && input.benefit.value_fen > 0) {
        const p = input.benefit
        const key = periodKey(p.quota_period, now)
        const taken = await trx.raw(
          `INSERT INTO benefit_quota AS q (id, program_id, customer_id, period_key, used, created_at, updated_at)
           VALUES (?, ?, ?, ?, 1, now(), now())
           ON CONFLICT (program_id, customer_id, period_key) WHERE deleted_at IS NULL DO UPDATE SET used = q.used + 1, updated_at = now()
           WHERE q.used < ? RETURNING used`,
          [rid("bquota"), p.id, input.customer_id, key, p.quota]
        )
        if (!taken.rows.length || num(taken.rows[0].used) > p.quota) {
          throw new RightsError("quota_exhausted", `"${p.name}" is used up for this ${p.quota_period}.`)
        }
        await trx.raw(
          `INSERT INTO benefit_usage (id, program_id, customer_id, period_key, cart_id, value, funder, status, quota_returned, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'taken', false, now(), now())
           ON CONFLICT (cart_id) WHERE deleted_at IS NULL DO UPDATE SET program_id = EXCLUDED.program_id, period_key = EXCLUDED.period_key, value = EXCLUDED.value,
             funder = EXCLUDED.funder, status = 'taken', quota_returned = false, updated_at = now()`,
          [rid("buse"), p.id, input.customer_id, key, input.cart_id, p.value_fen, p.funder]
        )
      }
      await trx.raw(`UPDATE cart_rights SET status = 'taken', updated_at = now() WHERE cart_id = ?`, [input.cart_id])
      return { took: true }
    })
  }

  /** Gives back what takeCartRights took, when the checkout failed after it (no order was made). */
  @InjectManager()
  async releaseCartRights(cartId: string, @MedusaContext() ctx: Context = {}) {
    await this.knexOf(ctx).transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(`SELECT * FROM cart_rights WHERE cart_id = ? AND deleted_at IS NULL FOR UPDATE`, [cartId])
      const cr = rows[0]
      if (!cr || cr.status !== "taken" || cr.order_id) return
      const attempt = await this.releaseCount(trx, cartId)
      const burn = await trx.raw(`SELECT points, lots FROM points_entry WHERE posting_key = ?`, [`burn:${cartId}:${attempt}`])
      if (burn.rows[0]) {
        await this.post(trx, {
          customer_id: cr.customer_id,
          kind: "release",
          points: -num(burn.rows[0].points),
          posting_key: `release:${cartId}:${attempt}`,
          cart_id: cartId,
          reason: "checkout did not complete",
          restore: burn.rows[0].lots ?? [],
        })
      }
      const usage = await trx.raw(`SELECT * FROM benefit_usage WHERE cart_id = ? AND status = 'taken' FOR UPDATE`, [cartId])
      if (usage.rows[0]) {
        const u = usage.rows[0]
        await trx.raw(`UPDATE benefit_quota SET used = used - 1, updated_at = now() WHERE program_id = ? AND customer_id = ? AND period_key = ? AND used > 0`, [
          u.program_id,
          u.customer_id,
          u.period_key,
        ])
        await trx.raw(`UPDATE benefit_usage SET status = 'released', quota_returned = true, updated_at = now() WHERE id = ?`, [u.id])
      }
      await trx.raw(`UPDATE cart_rights SET status = 'applied', updated_at = now() WHERE id = ?`, [cr.id])
    })
  }

  /** Uses left per program for a customer now: quota minus what the current period has used. */
  @InjectManager()
  async remainingQuota(customerId: string, programs: ProgramRow[], now = new Date(), @MedusaContext() ctx: Context = {}) {
    if (!programs.length) return new Map<string, number>()
    const keys = programs.map((p) => [p.id, periodKey(p.quota_period, now)] as const)
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT program_id, period_key, used FROM benefit_quota WHERE customer_id = ? AND (program_id, period_key) IN (${keys.map(() => "(?, ?)").join(", ")})`,
      [customerId, ...keys.flat()]
    )
    const used = new Map<string, number>(rows.map((r: any) => [r.program_id, num(r.used)]))
    return new Map(programs.map((p) => [p.id, Math.max(0, p.quota - (used.get(p.id) ?? 0))]))
  }

  /** Max share of a scene's lines points may pay, in basis points ("*" is the default rule). */
  @InjectManager()
  async burnRules(@MedusaContext() ctx: Context = {}): Promise<(scene: string | null) => number> {
    const { rows } = await this.knexOf(ctx).raw(`SELECT scene, max_burn_bps FROM points_rule WHERE deleted_at IS NULL`)
    const byScene = new Map<string, number>(rows.map((r: any) => [r.scene, num(r.max_burn_bps)]))
    const fallback = byScene.get("*") ?? DEFAULT_MAX_BURN_BPS
    return (scene) => (scene && byScene.has(scene) ? byScene.get(scene)! : fallback)
  }

  /**
   * Records who paid for each order line and credits the points earned on the cash, once per order
   * (a replayed order.placed changes nothing).
   */
  @InjectManager()
  async recordOrderFunding(
    input: {
      order_id: string
      cart_id: string | null
      customer_id: string | null
      lines: Array<{ line_item_id: string; quantity: number; total: number; cash: number; points_value: number; benefit_value: number }>
      benefit: { program_id: string; funder: "platform" | "merchant" } | null
      earn: number
    },
    @MedusaContext() ctx: Context = {}
  ) {
    await this.knexOf(ctx).transaction(async (trx: Knex) => {
      for (const l of input.lines) {
        await trx.raw(
          `INSERT INTO order_line_funding (id, order_id, line_item_id, customer_id, quantity, total, cash, points_value, benefit_value,
             benefit_program_id, benefit_funder, units_refunded, cash_refunded, points_refunded, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, now(), now()) ON CONFLICT (line_item_id) WHERE deleted_at IS NULL DO NOTHING`,
          [rid("olfund"), input.order_id, l.line_item_id, input.customer_id, l.quantity, l.total, l.cash, l.points_value, l.benefit_value,
            l.benefit_value > 0 ? input.benefit?.program_id ?? null : null, l.benefit_value > 0 ? input.benefit?.funder ?? null : null]
        )
      }
      if (input.cart_id) {
        await trx.raw(`UPDATE cart_rights SET order_id = ?, updated_at = now() WHERE cart_id = ? AND status = 'taken'`, [input.order_id, input.cart_id])
        await trx.raw(`UPDATE benefit_usage SET order_id = ?, updated_at = now() WHERE cart_id = ? AND status = 'taken'`, [input.order_id, input.cart_id])
      }
      if (input.customer_id && input.earn > 0) {
        await this.post(trx, {
          customer_id: input.customer_id,
          kind: "earn",
          points: input.earn,
          posting_key: `earn:${input.order_id}`,
          order_id: input.order_id,
          reason: "points for the cash paid",
        })
      }
    })
  }

  /**
   * Refunds one unit of an order line, `numerator/denominator` of it (a partly used stored-value
   * voucher): points back to the ledger (into the lots they came from), earned points clawed back in
   * proportion to the cash refunded, the benefit quota returned once no benefited unit is left and its
   * period is still open. Returns the cash the payment provider must refund. Once per refund_key.
   */
  @InjectManager()
  async refundLineUnit(
    input: { order_id: string; line_item_id: string; numerator: number; denominator: number; refund_key: string; now?: Date },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ cash: number; points: number; quota_restored: boolean; clawed_back: number; replay: boolean } | null> {
    const now = input.now ?? new Date()
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(`SELECT * FROM order_line_funding WHERE line_item_id = ? AND order_id = ? FOR UPDATE`, [
        input.line_item_id,
        input.order_id,
      ])
      const f = rows[0]
      if (!f) return null
      const done = await trx.raw(`SELECT cash, points, quota_restored, clawed_back FROM rights_refund WHERE refund_key = ?`, [input.refund_key])
      if (done.rows[0]) {
        const d = done.rows[0]
        return { cash: num(d.cash), points: num(d.points), quota_restored: d.quota_restored, clawed_back: num(d.clawed_back), replay: true }
      }
      const k = num(f.units_refunded)
      const q = num(f.quantity)
      if (k >= q) throw new RightsError("invalid_request", "Every unit of this line was already refunded.")
      const cash = proRata(unitShare(num(f.cash), q, k), input.numerator, input.denominator)
      const points = proRata(unitShare(num(f.points_value), q, k), input.numerator, input.denominator)
      await trx.raw(
        `UPDATE order_line_funding SET units_refunded = units_refunded + 1, cash_refunded = cash_refunded + ?, points_refunded = points_refunded + ?, updated_at = now() WHERE id = ?`,
        [cash, points, f.id]
      )
      if (points > 0 && f.customer_id) {
        await this.post(trx, {
          customer_id: f.customer_id,
          kind: "refund",
          points,
          posting_key: `refund:${input.refund_key}`,
          order_id: input.order_id,
          reason: "refund of points paid",
          restore: await this.lotsToRestore(trx, input.order_id, points),
          now,
        })
      }
      const clawedBack = f.customer_id ? await this.clawBack(trx, input.order_id, f.customer_id, input.refund_key, now) : 0
      const quotaRestored = await this.restoreQuotaIfFullyRefunded(trx, input.order_id, now)
      await trx.raw(
        `INSERT INTO rights_refund (id, refund_key, order_id, line_item_id, cash, points, clawed_back, quota_restored, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), now())`,
        [rid("rref"), input.refund_key, input.order_id, input.line_item_id, cash, points, clawedBack, quotaRestored]
      )
      return { cash, points, quota_restored: quotaRestored, clawed_back: clawedBack, replay: false }
    })
  }

  /** Undoes refundLineUnit when the cash refund that should follow it failed (workflow compensation). */
  @InjectManager()
  async undoLineUnitRefund(refundKey: string, @MedusaContext() ctx: Context = {}) {
    await this.knexOf(ctx).transaction(async (trx: Knex) => {
      const { rows } = await trx.raw(`SELECT * FROM rights_refund WHERE refund_key = ? AND deleted_at IS NULL FOR UPDATE`, [refundKey])
      const r = rows[0]
      if (!r) return
      const { rows: lines } = await trx.raw(`SELECT * FROM order_line_funding WHERE line_item_id = ? FOR UPDATE`, [r.line_item_id])
      const f = lines[0]
      await trx.raw(
        `UPDATE order_line_funding SET units_refunded = units_refunded - 1, cash_refunded = cash_refunded - ?, points_refunded = points_refunded - ?, updated_at = now() WHERE id = ?`,
        [num(r.cash), num(r.points), f.id]
      )
      const reason = "the refund failed at the payment provider, so it was undone"
      if (num(r.points) > 0) {
        await this.post(trx, { customer_id: f.customer_id, kind: "adjust", points: -num(r.points), posting_key: `unrefund:${refundKey}`, order_id: r.order_id, reason, clamp: true })
      }
      if (num(r.clawed_back) > 0) {
        await this.post(trx, { customer_id: f.customer_id, kind: "adjust", points: num(r.clawed_back), posting_key: `unclawback:${refundKey}`, order_id: r.order_id, reason })
      }
      if (r.quota_restored) {
        const { rows: usage } = await trx.raw(`SELECT * FROM benefit_usage WHERE order_id = ? AND status = 'restored' FOR UPDATE`, [r.order_id])
        const u = usage[0]
        if (u) {
          await trx.raw(`UPDATE benefit_quota SET used = used + 1, updated_at = now() WHERE program_id = ? AND customer_id = ? AND period_key = ?`, [u.program_id, u.customer_id, u.period_key])
          await trx.raw(`UPDATE benefit_usage SET status = 'taken', quota_returned = false, updated_at = now() WHERE id = ?`, [u.id])
        }
      }
      await trx.raw(`DELETE FROM rights_refund WHERE id = ?`, [r.id])
    })
  }

  /** Expires lots past their date, one ledger entry per lot; returns how many points expired. */
  @InjectManager()
  async expireDueLots(now = new Date(), limit = 500, @MedusaContext() ctx: Context = {}): Promise<number> {
    const knex = this.knexOf(ctx)
    const { rows } = await knex.raw(
      `SELECT id, customer_id FROM points_lot WHERE remaining > 0 AND expires_at <= ? AND deleted_at IS NULL ORDER BY expires_at LIMIT ?`,
      [now, limit]
    )
    let expired = 0
    for (const lot of rows) {
      expired += await knex.transaction(async (trx: Knex) => {
        await this.lockAccount(trx, lot.customer_id)
        const { rows: locked } = await trx.raw(`SELECT remaining FROM points_lot WHERE id = ? AND remaining > 0 AND expires_at <= ? FOR UPDATE`, [lot.id, now])
        const remaining = num(locked[0]?.remaining)
        if (!remaining) return 0
        await this.post(trx, {
          customer_id: lot.customer_id,
          kind: "expire",
          points: -remaining,
          posting_key: `expire:${lot.id}:${rid("x")}`,
          reason: "points expired at the end of the year after they were earned",
          restore: undefined,
          only_lot: lot.id,
          now,
        } as Posting & { only_lot: string })
        return remaining
      })
    }
    return expired
  }

  private async lockAccount(trx: Knex, customerId: string) {
    await trx.raw(
      `INSERT INTO points_account (id, customer_id, balance, created_at, updated_at) VALUES (?, ?, 0, now(), now())
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
      [rid("pacct"), customerId]
    )
    const { rows } = await trx.raw(`SELECT id, balance FROM points_account WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`, [customerId])
    return { id: rows[0].id as string, balance: num(rows[0].balance) }
  }

  /** One posting inside the caller's transaction: account row locked, lots moved, entry appended. */
  private async post(trx: Knex, p: Posting & { only_lot?: string }) {
    if (!Number.isSafeInteger(p.points) || p.points === 0) throw new RightsError("invalid_request", "points must be a non-zero whole number.")
    const account = await this.lockAccount(trx, p.customer_id)
    const prior = await trx.raw(`SELECT * FROM points_entry WHERE posting_key = ?`, [p.posting_key])
    if (prior.rows[0]) return prior.rows[0]
    const now = p.now ?? new Date()
    const entryId = rid("pent")
    let points = p.points
    let lots: LotSlice[] | null = null
    if (points > 0) {
      if (p.restore?.length) {
        for (const s of p.restore) {
          await trx.raw(`UPDATE points_lot SET remaining = remaining + ?, updated_at = now() WHERE id = ?`, [s.points, s.lot_id])
        }
        lots = p.restore
      } else {
        await trx.raw(
          `INSERT INTO points_lot (id, account_id, customer_id, entry_id, points, remaining, expires_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())`,
          [rid("plot"), account.id, p.customer_id, entryId, points, points, pointsExpiryFor(now)]
        )
      }
    } else {
      let want = -points
      if (want > account.balance) {
        if (!p.clamp) throw new RightsError("insufficient_points", `The balance is ${account.balance} points; ${want} are needed.`)
        want = account.balance
        points = -want
        if (want === 0) return null
      }
      const { rows: open } = await trx.raw(
        `SELECT id, remaining FROM points_lot WHERE account_id = ? AND remaining > 0 AND deleted_at IS NULL ${p.only_lot ? "AND id = ?" : ""}
         ORDER BY expires_at, created_at, id FOR UPDATE`,
        p.only_lot ? [account.id, p.only_lot] : [account.id]
      )
      lots = []
      let left = want
      for (const lot of open) {
        if (left === 0) break
        const take = Math.min(left, num(lot.remaining))
        await trx.raw(`UPDATE points_lot SET remaining = remaining - ?, updated_at = now() WHERE id = ?`, [take, lot.id])
        lots.push({ lot_id: lot.id, points: take })
        left -= take
      }
      if (left > 0) throw new Error(`points lots of ${p.customer_id} do not cover the balance`)
    }
    const balanceAfter = account.balance + points
    await trx.raw(`UPDATE points_account SET balance = ?, updated_at = now() WHERE id = ?`, [balanceAfter, account.id])
    const { rows } = await trx.raw(
      `INSERT INTO points_entry (id, account_id, customer_id, kind, points, balance_after, posting_key, order_id, cart_id, reason, operator_id, lots, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) RETURNING *`,
      [entryId, account.id, p.customer_id, p.kind, points, balanceAfter, p.posting_key, p.order_id ?? null, p.cart_id ?? null,
        p.reason ?? null, p.operator_id ?? null, lots ? JSON.stringify(lots) : null, now, now]
    )
    return rows[0]
  }

  private async releaseCount(trx: Knex, cartId: string): Promise<number> {
    const { rows } = await trx.raw(`SELECT count(*)::int AS n FROM points_entry WHERE cart_id = ? AND kind = 'release'`, [cartId])
    return rows[0].n
  }

  /** The lots this order's points were burned from and not yet given back, first-burned first. */
  private async lotsToRestore(trx: Knex, orderId: string, points: number): Promise<LotSlice[]> {
    const { rows: carts } = await trx.raw(`SELECT cart_id FROM cart_rights WHERE order_id = ?`, [orderId])
    if (!carts[0]) throw new Error(`order ${orderId} has no rights to refund points to`)
    const burnKey = `burn:${carts[0].cart_id}:${await this.releaseCount(trx, carts[0].cart_id)}`
    const { rows: burns } = await trx.raw(`SELECT lots FROM points_entry WHERE posting_key = ?`, [burnKey])
    const { rows: refunds } = await trx.raw(`SELECT COALESCE(sum(points), 0) AS n FROM points_entry WHERE order_id = ? AND kind = 'refund'`, [orderId])
    const burned: LotSlice[] = burns[0]?.lots ?? []
    let skip = num(refunds[0].n)
    const out: LotSlice[] = []
    let want = points
    for (const s of burned) {
      if (want === 0) break
      const avail = Math.max(0, s.points - skip)
      skip = Math.max(0, skip - s.points)
      const take = Math.min(avail, want)
      if (take > 0) out.push({ lot_id: s.lot_id, points: take })
      want -= take
    }
    if (want > 0) throw new Error(`order ${orderId} refunds more points than it burned`)
    return out
  }

  private async clawBack(trx: Knex, orderId: string, customerId: string, refundKey: string, now: Date): Promise<number> {
    const { rows } = await trx.raw(
      `SELECT
         COALESCE((SELECT sum(points) FROM points_entry WHERE posting_key = ?), 0) AS earned,
         COALESCE((SELECT -sum(points) FROM points_entry WHERE order_id = ? AND kind = 'clawback'), 0) AS clawed,
         (SELECT COALESCE(sum(cash), 0) FROM order_line_funding WHERE order_id = ?) AS cash,
         (SELECT COALESCE(sum(cash_refunded), 0) FROM order_line_funding WHERE order_id = ?) AS cash_refunded`,
      [`earn:${orderId}`, orderId, orderId, orderId]
    )
    const r = rows[0]
    const due = clawbackTarget(num(r.earned), num(r.cash_refunded), num(r.cash)) - num(r.clawed)
    if (due <= 0) return 0
    const entry = await this.post(trx, {
      customer_id: customerId,
      kind: "clawback",
      points: -due,
      posting_key: `clawback:${refundKey}`,
      order_id: orderId,
      reason: "points earned on cash that was refunded",
      clamp: true,
      now,
    })
    return entry ? -num(entry.points) : 0
  }

  private async restoreQuotaIfFullyRefunded(trx: Knex, orderId: string, now: Date): Promise<boolean> {
    const { rows } = await trx.raw(
      `SELECT count(*) FILTER (WHERE benefit_value > 0 AND units_refunded < quantity)::int AS open_units,
              count(*) FILTER (WHERE benefit_value > 0)::int AS benefited
       FROM order_line_funding WHERE order_id = ?`,
      [orderId]
    )
    if (!rows[0].benefited || rows[0].open_units > 0) return false
    const usage = await trx.raw(
      `SELECT u.*, p.quota_period FROM benefit_usage u JOIN benefit_program p ON p.id = u.program_id
       WHERE u.order_id = ? AND u.status = 'taken' FOR UPDATE OF u`,
      [orderId]
    )
    const u = usage.rows[0]
    if (!u) return false
    // a quota comes back only while its period is still running
    const open = periodKey(u.quota_period, now) === u.period_key
    if (open) {
      await trx.raw(`UPDATE benefit_quota SET used = used - 1, updated_at = now() WHERE program_id = ? AND customer_id = ? AND period_key = ? AND used > 0`, [
        u.program_id,
        u.customer_id,
        u.period_key,
      ])
    }
    await trx.raw(`UPDATE benefit_usage SET status = 'restored', quota_returned = ?, updated_at = now() WHERE id = ?`, [open, u.id])
    return open
  }
}

export default RightsModuleService
