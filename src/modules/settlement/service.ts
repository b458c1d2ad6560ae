import crypto from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { shanghaiDate } from "../../lib/shanghai-time"
import { describeAccount } from "./accounts"
import CommissionRate from "./models/commission-rate"
import JournalEntry from "./models/journal-entry"
import JournalLine from "./models/journal-line"
import LedgerAccount from "./models/ledger-account"
import MerchantContract from "./models/merchant-contract"
import SettlementBatch from "./models/settlement-batch"
import SettlementDay from "./models/settlement-day"
import SettlementLine from "./models/settlement-line"
import VoucherValue from "./models/voucher-value"
import {
  earnedLines,
  Increment,
  JournalLineInput,
  negate,
  payoutLines,
  pickRate,
  platformBreakageLines,
  Rate,
  redemptionIncrement,
  refundLines,
  type RefundKept,
} from "./posting-rules"

type Knex = any
const rid = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`
const num = (v: unknown) => Number(v ?? 0)

export type EntryInput = {
  posting_key: string
  kind: "sale" | "redemption" | "reversal" | "refund" | "expiry" | "delivery" | "payout" | "points"
  business_date: string
  merchant_id?: string | null
  order_id?: string | null
  voucher_id?: string | null
  source_id?: string | null
  memo?: string | null
  lines: JournalLineInput[]
  /** the merchant-facing line, when the event changes what a merchant is owed */
  settlement?: { kind: "redemption" | "reversal" | "breakage" | "delivery"; increment: Increment; commission_rate_id: string | null }
}

export type VoucherUnit = {
  voucher_id: string
  merchant_id: string
  order_id: string | null
  product_id: string | null
  category_ids: string[]
  face_value: number
  sale_value: number
  cash: number
  points_value: number
  benefit_value: number
  benefit_funder: string | null
}

/** A voucher's redemptions and reversals in time order, as the voucher module recorded them. */
export type VoucherEvent = { kind: "redemption" | "reversal"; redemption_id: string; amount: number; at: Date }

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

class SettlementModuleService extends MedusaService({
  LedgerAccount,
  JournalEntry,
  JournalLine,
  SettlementLine,
  SettlementBatch,
  SettlementDay,
  CommissionRate,
  VoucherValue,
  MerchantContract,
}) {
  private knexOf(ctx: Context): Knex {
    return (ctx.manager as any).getKnex()
  }

  /** Posts one entry once (by posting_key) in the caller's transaction; false when it was already posted. */
  private async post(trx: Knex, e: EntryInput): Promise<boolean> {
    return (await this.postMany(trx, [e])).size > 0
  }

  /**
   * Posts entries once each (by posting_key) in the caller's transaction, a handful of statements
   * for any number of entries: a busy card's catch-up posts dozens at a time. Returns the keys posted.
   */
  private async postMany(trx: Knex, all: EntryInput[]): Promise<Set<string>> {
    const posted = new Set<string>()
    const entries = all.filter((e) => e.lines.length)
    // each row below binds at most 16 parameters: 500 entries stay far below Postgres's 65,535
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = entries.slice(i, i + 500)
      const codes = [...new Set(chunk.flatMap((e) => e.lines.map((l) => l.account)))]
      const accounts = codes.map((code) => {
        const a = describeAccount(code)
        return [rid("lacc"), code, a.name, a.type, a.merchant_id]
      })
      await trx.raw(
        `INSERT INTO ledger_account (id, code, name, type, merchant_id, created_at, updated_at)
         VALUES ${accounts.map(() => "(?, ?, ?, ?, ?, now(), now())").join(", ")}
         ON CONFLICT (code) WHERE deleted_at IS NULL DO NOTHING`,
        accounts.flat()
      )
      const ids = chunk.map(() => rid("jent"))
      const inserted = await trx.raw(
        `INSERT INTO journal_entry (id, posting_key, kind, business_date, merchant_id, order_id, voucher_id, source_id, memo, created_at, updated_at)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())").join(", ")}
         ON CONFLICT (posting_key) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
        chunk.flatMap((e, k) => [ids[k], e.posting_key, e.kind, e.business_date, e.merchant_id ?? null, e.order_id ?? null, e.voucher_id ?? null, e.source_id ?? null, e.memo ?? null])
      )
      const fresh = new Set<string>(inserted.rows.map((r: any) => r.id))
      const kept = chunk.map((e, k) => ({ e, id: ids[k] })).filter(({ id }) => fresh.has(id))
      if (!kept.length) continue
      const lines = kept.flatMap(({ e, id }) => e.lines.map((l) => [rid("jlin"), id, l.account, describeAccount(l.account).merchant_id, l.amount]))
      await trx.raw(
        `INSERT INTO journal_line (id, entry_id, account_code, merchant_id, amount, created_at, updated_at)
         VALUES ${lines.map(() => "(?, ?, ?, ?, ?, now(), now())").join(", ")}`,
        lines.flat()
      )
      const merchantLines = kept.filter(({ e }) => e.settlement && e.merchant_id)
      const settleDates = new Map<string, string>()
      for (const d of new Set(merchantLines.map(({ e }) => e.business_date))) settleDates.set(d, await this.openSettleDate(trx, d))
      if (merchantLines.length) {
        await trx.raw(
          `INSERT INTO settlement_line (id, posting_key, merchant_id, kind, business_date, settle_date, order_id, voucher_id, source_id,
             gross, commission, merchant_funded, net, commission_rate_id, created_at, updated_at)
           VALUES ${merchantLines.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())").join(", ")}`,
          merchantLines.flatMap(({ e }) => {
            const inc = e.settlement!.increment
            return [rid("sline"), e.posting_key, e.merchant_id, e.settlement!.kind, e.business_date, settleDates.get(e.business_date), e.order_id ?? null,
              e.voucher_id ?? null, e.source_id ?? null, inc.gross, inc.commission, inc.merchant_funded, inc.net, e.settlement!.commission_rate_id]
          })
        )
      }
      kept.forEach(({ e }) => posted.add(e.posting_key))
    }
    return posted
  }

  /**
   * The business day a new merchant line settles on: its own, unless that day's batches were
   * already made, then the next day still open. The shared lock waits for a closing in progress.
   */
  private async openSettleDate(trx: Knex, businessDate: string): Promise<string> {
    let d = businessDate
    for (;;) {
      await trx.raw(`SELECT pg_advisory_xact_lock_shared(hashtext(?))`, [`settlement-day:${d}`])
      const { rows } = await trx.raw(`SELECT 1 FROM settlement_day WHERE business_date = ? AND deleted_at IS NULL`, [d])
      if (!rows.length) return d
      d = addDays(d, 1)
    }
  }

  @InjectManager()
  async postEntries(entries: EntryInput[], @MedusaContext() ctx: Context = {}): Promise<number> {
    return this.knexOf(ctx).transaction(async (trx: Knex) => (await this.postMany(trx, entries)).size)
  }

  @InjectManager()
  async ratesFor(@MedusaContext() ctx: Context = {}) {
    const { rows } = await this.knexOf(ctx).raw(`SELECT id, scope_type, scope_id, kind, value, effective_from FROM commission_rate WHERE deleted_at IS NULL`)
    return rows.map((r: any) => ({ ...r, value: num(r.value) })) as Array<{ id: string; scope_type: string; scope_id: string | null; kind: "percentage" | "fixed"; value: number; effective_from: string }>
  }

  @InjectManager()
  async breakagePolicy(merchantId: string, @MedusaContext() ctx: Context = {}): Promise<"platform" | "merchant"> {
    const { rows } = await this.knexOf(ctx).raw(`SELECT breakage FROM merchant_contract WHERE merchant_id = ? AND deleted_at IS NULL`, [merchantId])
    return rows[0]?.breakage ?? "platform"
  }

  /**
   * Brings a voucher's postings up to date with its redemptions and reversals, in time order, each
   * exactly once: the voucher's row is locked so two syncs of one voucher run one after the other.
   */
  @InjectManager()
  async syncVoucherRedemptions(unit: VoucherUnit, events: VoucherEvent[], @MedusaContext() ctx: Context = {}): Promise<number> {
    const rates = await this.ratesFor(ctx)
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const v = await this.lockVoucherValue(trx, unit, rates)
      if (v.closed) return 0
      const keys = events.map((ev) => `${ev.kind}:${ev.redemption_id}`)
      // under the voucher's lock this is the whole truth about which events are in the ledger
      const { rows: postedRows } = keys.length
        ? await trx.raw(`SELECT posting_key FROM journal_entry WHERE posting_key = ANY(?) AND deleted_at IS NULL`, [keys])
        : { rows: [] }
      const already = new Set<string>(postedRows.map((r: any) => r.posting_key))
      const reversedKeys = events.filter((ev) => ev.kind === "reversal" && !already.has(`reversal:${ev.redemption_id}`)).map((ev) => `redemption:${ev.redemption_id}`)
      const { rows: originals } = reversedKeys.length
        ? await trx.raw(`SELECT posting_key, gross, commission, merchant_funded, net, commission_rate_id FROM settlement_line WHERE posting_key = ANY(?)`, [reversedKeys])
        : { rows: [] }
      const originalOf = new Map<string, any>(originals.map((r: any) => [r.posting_key, r]))
      const entries: EntryInput[] = []
      let redeemed = 0
      for (const ev of [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === "redemption" ? -1 : 1))) {
        const before = redeemed
        redeemed += ev.kind === "redemption" ? ev.amount : -ev.amount
        const key = `${ev.kind}:${ev.redemption_id}`
        const businessDate = shanghaiDate(ev.at)
        if (already.has(key)) continue
        const common = { posting_key: key, business_date: businessDate, merchant_id: unit.merchant_id, order_id: unit.order_id, voucher_id: unit.voucher_id, source_id: ev.redemption_id }
        if (ev.kind === "redemption") {
          const rate = this.rateOn(rates, unit, businessDate)
          const inc = redemptionIncrement(v, before, redeemed, rate)
          entries.push({ ...common, kind: "redemption", lines: earnedLines(unit.merchant_id, inc), settlement: { kind: "redemption", increment: inc, commission_rate_id: rate.id } })
          this.applyIncrement(v, inc)
        } else {
          // a reversal takes back exactly what its redemption posted (this run's or an earlier one's)
          const stored = originalOf.get(`redemption:${ev.redemption_id}`)
          const thisRun = entries.find((e) => e.posting_key === `redemption:${ev.redemption_id}`)?.settlement
          const o = stored ?? thisRun?.increment
          if (!o) continue
          const original: Increment = { gross: num(o.gross), commission: num(o.commission), merchant_funded: num(o.merchant_funded), net: num(o.net) }
          const inc: Increment = { gross: -original.gross, commission: -original.commission, merchant_funded: -original.merchant_funded, net: -original.net }
          entries.push({
            ...common, kind: "reversal", lines: negate(earnedLines(unit.merchant_id, original)),
            settlement: { kind: "reversal", increment: inc, commission_rate_id: stored ? stored.commission_rate_id : thisRun!.commission_rate_id },
          })
          this.applyIncrement(v, inc)
        }
      }
      const posted = await this.postMany(trx, entries)
      // the lock made `already` complete: an entry not posted now means the ledger and this row disagree
      if (posted.size !== entries.filter((e) => e.lines.length).length) throw new Error(`voucher ${unit.voucher_id}: postings raced past the voucher lock`)
      await this.saveVoucherValue(trx, v)
      return posted.size
    })
  }

  /** The unused value of a refunded voucher leaves the ledger, each part back to where it came from. */
  @InjectManager()
  async postVoucherRefund(
    unit: VoucherUnit,
    refund: { cash_back: number; points_back: number; kept?: RefundKept | null; at: Date },
    @MedusaContext() ctx: Context = {}
  ): Promise<boolean> {
    const rates = await this.ratesFor(ctx)
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const v = await this.lockVoucherValue(trx, unit, rates)
      if (v.closed) return false
      if (refund.kept && refund.kept.kept_face > 0) {
        // a cancellation fee is value the merchant earns as if used: commission and payable like a redemption
        const businessDate = shanghaiDate(refund.at)
        const rate = this.rateOn(rates, unit, businessDate)
        const inc = redemptionIncrement(v, refund.kept.redeemed_before, refund.kept.redeemed_before + refund.kept.kept_face, rate)
        if (await this.post(trx, {
          posting_key: `cancellation-fee:${unit.voucher_id}`, kind: "refund", business_date: businessDate, merchant_id: unit.merchant_id,
          order_id: unit.order_id, voucher_id: unit.voucher_id, lines: earnedLines(unit.merchant_id, inc),
          settlement: { kind: "breakage", increment: inc, commission_rate_id: rate.id },
        })) this.applyIncrement(v, inc)
      }
      const unused = v.sale_value - v.gross_posted
      // the benefit's share of the unused value goes back to its funder; what rounding leaves, to `rounding`
      const benefitShare = v.sale_value > 0 ? Number((BigInt(v.benefit_value) * BigInt(unused)) / BigInt(v.sale_value)) : 0
      const ok = await this.post(trx, {
        posting_key: `refund:${unit.voucher_id}`, kind: "refund", business_date: shanghaiDate(refund.at), merchant_id: unit.merchant_id,
        order_id: unit.order_id, voucher_id: unit.voucher_id,
        lines: refundLines(unit.merchant_id, { unused, cash_back: refund.cash_back, points_back: refund.points_back, benefit_back: Math.min(benefitShare, Math.max(0, unused - refund.cash_back - refund.points_back)), benefit_funder: v.benefit_funder }),
      })
      v.closed = true
      await this.saveVoucherValue(trx, v)
      return ok
    })
  }

  /** An expired voucher: the merchant keeps the unused value as if redeemed, or the platform books breakage. */
  @InjectManager()
  async postVoucherExpiry(unit: VoucherUnit, at: Date, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    const rates = await this.ratesFor(ctx)
    const policy = await this.breakagePolicy(unit.merchant_id, ctx)
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const v = await this.lockVoucherValue(trx, unit, rates)
      if (v.closed) return false
      const businessDate = shanghaiDate(at)
      const key = `expiry:${unit.voucher_id}`
      let ok: boolean
      if (policy === "merchant") {
        const rate = this.rateOn(rates, unit, businessDate)
        const inc = redemptionIncrement(v, 0, v.face_value, rate)
        ok = await this.post(trx, {
          posting_key: key, kind: "expiry", business_date: businessDate, merchant_id: unit.merchant_id, order_id: unit.order_id, voucher_id: unit.voucher_id,
          lines: earnedLines(unit.merchant_id, inc), settlement: { kind: "breakage", increment: inc, commission_rate_id: rate.id },
        })
        if (ok) this.applyIncrement(v, inc)
      } else {
        ok = await this.post(trx, {
          posting_key: key, kind: "expiry", business_date: businessDate, merchant_id: unit.merchant_id, order_id: unit.order_id, voucher_id: unit.voucher_id,
          lines: platformBreakageLines(unit.merchant_id, { unused: v.sale_value - v.gross_posted, merchant_funded_unused: v.merchant_funded - v.merchant_funded_posted }),
        })
      }
      v.closed = true
      await this.saveVoucherValue(trx, v)
      return ok
    })
  }

  private rateOn(rates: Awaited<ReturnType<SettlementModuleService["ratesFor"]>>, unit: VoucherUnit, businessDate: string): Rate {
    const r = pickRate(rates, { business_date: businessDate, merchant_id: unit.merchant_id, product_id: unit.product_id, category_ids: unit.category_ids })
    return r ? { id: r.id, kind: r.kind, value: r.value } : { id: null, kind: "percentage", value: 0 }
  }

  private applyIncrement(v: any, inc: Increment) {
    v.gross_posted += inc.gross
    v.merchant_funded_posted += inc.merchant_funded
    v.commission_posted += inc.commission
  }

  /** The units settlement already knows (voucher_value keeps them from the first posting), by voucher. */
  @InjectManager()
  async knownVoucherUnits(voucherIds: string[], @MedusaContext() ctx: Context = {}): Promise<Map<string, VoucherUnit>> {
    if (!voucherIds.length) return new Map()
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT voucher_id, merchant_id, order_id, product_id, category_ids, face_value, sale_value, cash, points_value, benefit_value, benefit_funder
       FROM voucher_value WHERE voucher_id = ANY(?) AND category_ids IS NOT NULL AND deleted_at IS NULL`,
      [voucherIds]
    )
    return new Map(rows.map((r: any) => [r.voucher_id, {
      voucher_id: r.voucher_id, merchant_id: r.merchant_id, order_id: r.order_id, product_id: r.product_id,
      category_ids: Array.isArray(r.category_ids) ? r.category_ids : [], face_value: num(r.face_value), sale_value: num(r.sale_value),
      cash: num(r.cash), points_value: num(r.points_value), benefit_value: num(r.benefit_value), benefit_funder: r.benefit_funder,
    } satisfies VoucherUnit]))
  }

  private async lockVoucherValue(trx: Knex, unit: VoucherUnit, rates: Awaited<ReturnType<SettlementModuleService["ratesFor"]>>) {
    const fixedRate = pickRate(rates.filter((r) => r.kind === "fixed"), { business_date: shanghaiDate(new Date()), merchant_id: unit.merchant_id, product_id: unit.product_id, category_ids: unit.category_ids })
    await trx.raw(
      `INSERT INTO voucher_value (id, voucher_id, merchant_id, order_id, product_id, category_ids, face_value, sale_value, cash, points_value, benefit_value,
         benefit_funder, merchant_funded, gross_posted, merchant_funded_posted, fixed_commission, commission_posted, closed, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, false, now(), now())
       ON CONFLICT (voucher_id) WHERE deleted_at IS NULL
       DO UPDATE SET product_id = EXCLUDED.product_id, category_ids = EXCLUDED.category_ids WHERE voucher_value.category_ids IS NULL`,
      [rid("vval"), unit.voucher_id, unit.merchant_id, unit.order_id, unit.product_id, JSON.stringify(unit.category_ids ?? []), unit.face_value, unit.sale_value,
        unit.cash, unit.points_value, unit.benefit_value, unit.benefit_funder, unit.benefit_funder === "merchant" ? unit.benefit_value : 0, fixedRate?.value ?? 0]
    )
    const { rows } = await trx.raw(`SELECT * FROM voucher_value WHERE voucher_id = ? FOR UPDATE`, [unit.voucher_id])
    const r = rows[0]
    return {
      id: r.id as string,
      face_value: num(r.face_value),
      sale_value: num(r.sale_value),
      benefit_value: num(r.benefit_value),
      benefit_funder: r.benefit_funder as string | null,
      merchant_funded: num(r.merchant_funded),
      gross_posted: num(r.gross_posted),
      merchant_funded_posted: num(r.merchant_funded_posted),
      fixed_commission: num(r.fixed_commission),
      commission_posted: num(r.commission_posted),
      closed: !!r.closed,
    }
  }

  private async saveVoucherValue(trx: Knex, v: Awaited<ReturnType<SettlementModuleService["lockVoucherValue"]>>) {
    await trx.raw(
      `UPDATE voucher_value SET gross_posted = ?, merchant_funded_posted = ?, commission_posted = ?, closed = ?, updated_at = now() WHERE id = ?`,
      [v.gross_posted, v.merchant_funded_posted, v.commission_posted, v.closed, v.id]
    )
  }

  /** Step 1 of a batch run: close the day, so lines posted from now on settle on the next open day. */
  @InjectManager()
  async closeBusinessDay(businessDate: string, @MedusaContext() ctx: Context = {}): Promise<{ created: boolean }> {
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      // waits for postings already deciding on this day, and keeps new ones out until it commits
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`settlement-day:${businessDate}`])
      const { rows } = await trx.raw(
        `INSERT INTO settlement_day (id, business_date, closed_at, batch_count, created_at, updated_at) VALUES (?, ?, now(), 0, now(), now())
         ON CONFLICT (business_date) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
        [rid("sday"), businessDate]
      )
      return { created: rows.length === 1 }
    })
  }

  /** Undoes closeBusinessDay when nothing was settled on the day yet (workflow compensation). */
  @InjectManager()
  async reopenBusinessDay(businessDate: string, @MedusaContext() ctx: Context = {}) {
    await this.knexOf(ctx).raw(
      `DELETE FROM settlement_day WHERE business_date = ? AND NOT EXISTS (SELECT 1 FROM settlement_batch WHERE business_date = ? AND deleted_at IS NULL)`,
      [businessDate, businessDate]
    )
  }

  /**
   * Step 2: one batch per merchant with lines settling on the (closed) day, in one set-based
   * statement. A rerun inserts nothing new: the day is closed, so its lines cannot change.
   */
  @InjectManager()
  async calculateBatches(businessDate: string, @MedusaContext() ctx: Context = {}): Promise<number> {
    const { rows } = await this.knexOf(ctx).raw(
      `INSERT INTO settlement_batch (id, merchant_id, business_date, status, line_count, gross_amount, commission_amount, merchant_funded_amount,
         net_amount, currency_code, calculated_at, created_at, updated_at)
       SELECT 'sbat_' || md5(l.merchant_id || ':' || ?), l.merchant_id, ?, 'calculated', count(*), sum(l.gross), sum(l.commission), sum(l.merchant_funded),
              sum(l.net), 'cny', now(), now(), now()
       FROM settlement_line l
       WHERE l.settle_date = ? AND l.deleted_at IS NULL AND EXISTS (SELECT 1 FROM settlement_day d WHERE d.business_date = ? AND d.deleted_at IS NULL)
       GROUP BY l.merchant_id
       ON CONFLICT (merchant_id, business_date) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [businessDate, businessDate, businessDate, businessDate]
    )
    return rows.length
  }

  /** Compensation of calculateBatches: batches nobody approved yet go, so a rerun makes them again. */
  @InjectManager()
  async discardCalculatedBatches(businessDate: string, @MedusaContext() ctx: Context = {}) {
    await this.knexOf(ctx).raw(`DELETE FROM settlement_batch WHERE business_date = ? AND status = 'calculated'`, [businessDate])
  }

  /** Step 3: record how many batches the day has. */
  @InjectManager()
  async summarizeDay(businessDate: string, @MedusaContext() ctx: Context = {}) {
    const { rows } = await this.knexOf(ctx).raw(
      `UPDATE settlement_day SET batch_count = (SELECT count(*) FROM settlement_batch WHERE business_date = ? AND deleted_at IS NULL), updated_at = now()
       WHERE business_date = ? RETURNING batch_count`,
      [businessDate, businessDate]
    )
    return { business_date: businessDate, batch_count: num(rows[0]?.batch_count) }
  }

  /** calculated → approved, approved → paid (with the payout posted), calculated|approved → failed; who and when. */
  @InjectManager()
  async transitionBatch(
    id: string,
    to: "approved" | "paid" | "failed",
    by: string,
    extra: { reference?: string; reason?: string } = {},
    @MedusaContext() ctx: Context = {}
  ) {
    return this.knexOf(ctx).transaction(async (trx: Knex) => {
      const from = to === "approved" ? ["calculated"] : to === "paid" ? ["approved"] : ["calculated", "approved"]
      const set =
        to === "approved"
          ? `approved_at = now(), approved_by = ?`
          : to === "paid"
            ? `paid_at = now(), paid_by = ?, payout_reference = ?`
            : `failed_at = now(), failed_by = ?, failure_reason = ?`
      const params = to === "approved" ? [by] : to === "paid" ? [by, extra.reference ?? null] : [by, extra.reason ?? null]
      const { rows } = await trx.raw(
        `UPDATE settlement_batch SET status = ?, ${set}, updated_at = now() WHERE id = ? AND status IN (${from.map(() => "?").join(", ")}) AND deleted_at IS NULL RETURNING *`,
        [to, ...params, id, ...from]
      )
      const batch = rows[0]
      if (!batch) return null
      if (to === "paid" && num(batch.net_amount) !== 0) {
        await this.post(trx, {
          posting_key: `payout:${batch.id}`, kind: "payout", business_date: shanghaiDate(new Date()), merchant_id: batch.merchant_id,
          source_id: batch.id, memo: extra.reference ?? null, lines: payoutLines(batch.merchant_id, num(batch.net_amount)),
        })
      }
      return batch
    })
  }

  /** Totals of every batch matching the filters, for the list's totals row. */
  @InjectManager()
  async batchTotals(filters: { business_date?: string; status?: string; merchant_id?: string }, @MedusaContext() ctx: Context = {}) {
    const where = ["deleted_at IS NULL"]
    const params: unknown[] = []
    for (const k of ["business_date", "status", "merchant_id"] as const) {
      if (filters[k]) {
        where.push(`${k} = ?`)
        params.push(filters[k])
      }
    }
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT COALESCE(sum(line_count), 0)::bigint AS line_count, COALESCE(sum(gross_amount), 0)::bigint AS gross_amount,
              COALESCE(sum(commission_amount), 0)::bigint AS commission_amount, COALESCE(sum(merchant_funded_amount), 0)::bigint AS merchant_funded_amount,
              COALESCE(sum(net_amount), 0)::bigint AS net_amount
       FROM settlement_batch WHERE ${where.join(" AND ")}`,
      params
    )
    const r = rows[0]
    return { line_count: num(r.line_count), gross_amount: num(r.gross_amount), commission_amount: num(r.commission_amount), merchant_funded_amount: num(r.merchant_funded_amount), net_amount: num(r.net_amount) }
  }

  /** Σ debits and credits per account over the whole journal. */
  @InjectManager()
  async trialBalance(@MedusaContext() ctx: Context = {}) {
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT l.account_code AS code, a.name, a.type,
              COALESCE(sum(l.amount) FILTER (WHERE l.amount > 0), 0)::bigint AS debit,
              COALESCE(-sum(l.amount) FILTER (WHERE l.amount < 0), 0)::bigint AS credit
       FROM journal_line l LEFT JOIN ledger_account a ON a.code = l.account_code
       WHERE l.deleted_at IS NULL GROUP BY l.account_code, a.name, a.type ORDER BY l.account_code`
    )
    const accounts = rows.map((r: any) => ({ code: r.code, name: r.name, type: r.type, debit: num(r.debit), credit: num(r.credit), balance: num(r.debit) - num(r.credit) }))
    return {
      accounts,
      total_debit: accounts.reduce((s: number, a: any) => s + a.debit, 0),
      total_credit: accounts.reduce((s: number, a: any) => s + a.credit, 0),
    }
  }

  /** A batch's lines, keyset-paged so a big merchant's day never loads at once. */
  @InjectManager()
  async listBatchLines(batch: { merchant_id: string; business_date: string }, limit = 200, after?: string, @MedusaContext() ctx: Context = {}) {
    const { rows } = await this.knexOf(ctx).raw(
      `SELECT id, kind, business_date, order_id, voucher_id, source_id, gross, commission, merchant_funded, net, created_at
       FROM settlement_line WHERE merchant_id = ? AND settle_date = ? AND deleted_at IS NULL ${after ? "AND id > ?" : ""}
       ORDER BY id LIMIT ?`,
      after ? [batch.merchant_id, batch.business_date, after, limit] : [batch.merchant_id, batch.business_date, limit]
    )
    return rows.map((r: any) => ({ ...r, gross: num(r.gross), commission: num(r.commission), merchant_funded: num(r.merchant_funded), net: num(r.net) }))
  }
}

export default SettlementModuleService
