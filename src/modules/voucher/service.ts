import crypto from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { decryptSecret, encryptSecret, hmacLookup } from "../../lib/secrets"
import { generateVoucherCode } from "../../lib/voucher-code"
import IdempotencyRecord from "./models/idempotency-record"
import IssuedVoucher from "./models/issued-voucher"
import Redemption from "./models/redemption"
import VoucherTemplate from "./models/voucher-template"
import { terminalError, TerminalResult } from "./terminal-errors"

const CODE_PURPOSE = "voucher-code"
export const REVERSAL_WINDOW_MINUTES = 30

export type TerminalIdentity = { id: string; store_id: string; merchant_id: string }
type Knex = any

export function codeHmac(code: string) {
  return hmacLookup(CODE_PURPOSE, code)
}

const rid = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`

export function voucherView(v: any) {
  return {
    id: v.id,
    kind: v.kind,
    title: v.title,
    usage: v.usage,
    status: v.status,
    face_value: Number(v.face_value),
    balance: Number(v.balance),
    currency_code: v.currency_code,
    valid_from: v.valid_from ? new Date(v.valid_from).toISOString() : null,
    expires_at: v.expires_at ? new Date(v.expires_at).toISOString() : null,
  }
}

export function redemptionView(r: any) {
  return {
    id: r.id,
    voucher_id: r.voucher_id,
    store_id: r.store_id,
    terminal_id: r.terminal_id,
    amount: Number(r.amount),
    created_at: new Date(r.created_at).toISOString(),
    reversed_at: r.reversed_at ? new Date(r.reversed_at).toISOString() : null,
  }
}

class VoucherModuleService extends MedusaService({ VoucherTemplate, IssuedVoucher, Redemption, IdempotencyRecord }) {
  /** Creates one voucher with a fresh code; the plaintext code is returned once, to the caller. */
  async createVoucherWithCode(input: Record<string, any>) {
    for (let attempt = 0; ; attempt++) {
      const code = generateVoucherCode()
      try {
        const voucher = await this.createIssuedVouchers({
          ...input,
          code_hmac: codeHmac(code),
          code_encrypted: encryptSecret(CODE_PURPOSE, code),
        } as any)
        return { voucher, code }
      } catch (e: any) {
        // 10^11 codes: a collision is rare, and the unique index turns it into a retry
        if (attempt < 3 && /code_hmac/.test(String(e?.message))) continue
        throw e
      }
    }
  }

  revealCode(voucher: { code_encrypted: string }): string {
    return decryptSecret(CODE_PURPOSE, voucher.code_encrypted)
  }

  @InjectManager()
  async findVoucherForMerchant(code: string, merchantId: string, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(`SELECT * FROM issued_voucher WHERE code_hmac = ? AND deleted_at IS NULL`, [codeHmac(code)])
    const v = rows[0]
    // another merchant's voucher is indistinguishable from an unknown code
    return v && v.merchant_id === merchantId && v.status !== "void" ? v : null
  }

  /**
   * Redeems exactly once per (terminal, Idempotency-Key), in one statement: the database function
   * voucher_redeem_at_terminal (migration Migration20261128130543) claims the key first, so a
   * parallel duplicate waits on its unique index and then replays the stored response; it locks the
   * voucher row, so parallel redemptions of one voucher are applied one after another, and applies
   * the rules of redeem-rules.ts (ported to SQL, kept in agreement by a test). One round trip and
   * an implicit transaction instead of a client-driven BEGIN … COMMIT.
   */
  @InjectManager()
  async redeemAtTerminal(
    input: { terminal: TerminalIdentity; code: string; amount?: number; idempotency_key: string; request_hash: string; now?: Date },
    @MedusaContext() ctx: Context = {}
  ): Promise<TerminalResult & { redemption_id?: string }> {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT status, body, redemption_id FROM voucher_redeem_at_terminal(?::text, ?::text, ?::text, ?::text, ?::integer, ?::text, ?::text, ?::text, ?::text, ?::timestamptz)`,
      [
        input.terminal.id,
        input.terminal.store_id,
        input.terminal.merchant_id,
        codeHmac(input.code),
        input.amount ?? null,
        input.idempotency_key,
        input.request_hash,
        rid("tidem"),
        rid("rdm"),
        input.now ?? new Date(),
      ]
    ).options({ name: "voucher_redeem_at_terminal" }) // a named statement: parsed once per connection
    const { status, body, redemption_id } = rows[0]
    return { status, body, ...(redemption_id ? { redemption_id } : {}) }
  }

  @InjectManager()
  async reverseAtTerminal(
    input: { terminal: TerminalIdentity; redemption_id: string; idempotency_key: string; request_hash: string; now?: Date; window_minutes?: number },
    @MedusaContext() ctx: Context = {}
  ): Promise<TerminalResult> {
    const knex: Knex = (ctx.manager as any).getKnex()
    const now = input.now ?? new Date()
    const windowMs = (input.window_minutes ?? REVERSAL_WINDOW_MINUTES) * 60 * 1000
    return knex.transaction(async (trx: Knex) =>
      this.withIdempotency(trx, input.terminal.id, "reverse", input.idempotency_key, input.request_hash, async () => {
        const { rows } = await trx.raw(`SELECT * FROM redemption WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.redemption_id])
        const r = rows[0]
        if (!r || r.merchant_id !== input.terminal.merchant_id) return terminalError("redemption_not_found", "No redemption with this id.")
        if (r.reversed_at) return terminalError("redemption_already_reversed", "This redemption was already reversed.")
        if (now.getTime() - new Date(r.created_at).getTime() > windowMs) {
          return terminalError("reversal_window_closed", `Redemptions can be reversed within ${windowMs / 60000} minutes.`)
        }
        const voucher = await trx.raw(
          `UPDATE issued_voucher SET balance = balance + ?,
             status = CASE WHEN status IN ('redeemed', 'partially_redeemed')
                           THEN (CASE WHEN balance + ? = face_value THEN 'active' ELSE 'partially_redeemed' END)
                           ELSE status END,
             updated_at = now()
           WHERE id = ? RETURNING *`,
          [r.amount, r.amount, r.voucher_id]
        )
        const reversed = await trx.raw(
          `UPDATE redemption SET reversed_at = ?, reversed_by_terminal_id = ?, updated_at = now() WHERE id = ? RETURNING *`,
          [now, input.terminal.id, r.id]
        )
        return { status: 200, body: { redemption: redemptionView(reversed.rows[0]), voucher: voucherView(voucher.rows[0]) } }
      })
    )
  }

  @InjectManager()
  async listStoreRedemptions(storeId: string, from: Date, to: Date, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT r.*, v.title, v.kind FROM redemption r JOIN issued_voucher v ON v.id = r.voucher_id
       WHERE r.store_id = ? AND r.created_at >= ? AND r.created_at < ? AND r.deleted_at IS NULL
       ORDER BY r.created_at DESC LIMIT 500`,
      [storeId, from, to]
    )
    return rows.map((r: any) => ({ ...redemptionView(r), voucher: { id: r.voucher_id, title: r.title, kind: r.kind } }))
  }

  /**
   * The vouchers' redemptions as settlement reads them, in one lean query: the ledger catch-up of
   * a busy stored-value card reads its whole history every few seconds.
   */
  @InjectManager()
  async listRedemptionEvents(voucherIds: string[], @MedusaContext() ctx: Context = {}) {
    if (!voucherIds.length) return [] as Array<{ id: string; voucher_id: string; amount: number; created_at: Date; reversed_at: Date | null }>
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT id, voucher_id, amount, created_at, reversed_at FROM redemption WHERE voucher_id = ANY(?) AND deleted_at IS NULL`,
      [voucherIds]
    )
    return rows.map((r: any) => ({ id: r.id, voucher_id: r.voucher_id, amount: Number(r.amount), created_at: new Date(r.created_at), reversed_at: r.reversed_at ? new Date(r.reversed_at) : null }))
  }

  /**
   * Takes a voucher out of circulation for a refund, atomically: only an active or partly used
   * voucher moves to `refunded`, so two refund requests (or a refund racing a redemption) can't
   * both win. Returns the state before, for the refund amount and for compensation.
   */
  @InjectManager()
  async markRefunded(voucherId: string, customerId: string | null, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `WITH before AS (
         SELECT id, status, balance FROM issued_voucher
         WHERE id = ? AND deleted_at IS NULL AND status IN ('active', 'partially_redeemed') AND (?::text IS NULL OR customer_id = ?)
         FOR UPDATE
       )
       UPDATE issued_voucher v SET status = 'refunded', balance = 0, updated_at = now()
       FROM before WHERE v.id = before.id
       RETURNING v.id, v.order_id, v.line_item_id, v.template_id, v.face_value, before.balance AS balance_before, before.status AS status_before`,
      [voucherId, customerId, customerId]
    )
    return rows[0] as
      | { id: string; order_id: string | null; line_item_id: string | null; template_id: string; face_value: number; balance_before: number; status_before: string }
      | undefined
  }

  @InjectManager()
  async undoRefund(voucherId: string, statusBefore: string, balanceBefore: number, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    await knex.raw(`UPDATE issued_voucher SET status = ?, balance = ?, updated_at = now() WHERE id = ? AND status = 'refunded'`, [
      statusBefore,
      balanceBefore,
      voucherId,
    ])
  }

  /** Vouchers past their expiry that are still usable, with whether their template auto-refunds. */
  @InjectManager()
  async listDueForExpiry(now: Date, limit = 500, @MedusaContext() ctx: Context = {}) {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT v.id, v.order_id, COALESCE(t.auto_refund_on_expiry, false) AS auto_refund
       FROM issued_voucher v LEFT JOIN voucher_template t ON t.id = v.template_id AND t.deleted_at IS NULL
       WHERE v.deleted_at IS NULL AND v.status IN ('active', 'partially_redeemed') AND v.expires_at <= ?
       ORDER BY v.expires_at LIMIT ?`,
      [now, limit]
    )
    return rows as { id: string; order_id: string | null; auto_refund: boolean }[]
  }

  /** true when this call expired it (a concurrent redemption or refund may have won). */
  @InjectManager()
  async markExpired(voucherId: string, now: Date, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    const knex: Knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `UPDATE issued_voucher SET status = 'expired', updated_at = now()
       WHERE id = ? AND status IN ('active', 'partially_redeemed') AND expires_at <= ? RETURNING id`,
      [voucherId, now]
    )
    return rows.length === 1
  }

  private async withIdempotency(
    trx: Knex,
    terminalId: string,
    scope: string,
    key: string,
    requestHash: string,
    work: () => Promise<TerminalResult>
  ): Promise<TerminalResult> {
    const claimed = await trx.raw(
      `INSERT INTO terminal_idempotency (id, terminal_id, scope, idempotency_key, request_hash, response_status, response_body, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 0, '{}'::jsonb, now(), now())
       ON CONFLICT (terminal_id, scope, idempotency_key) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
      [rid("tidem"), terminalId, scope, key, requestHash]
    )
    if (!claimed.rows.length) {
      const { rows } = await trx.raw(
        `SELECT request_hash, response_status, response_body FROM terminal_idempotency
         WHERE terminal_id = ? AND scope = ? AND idempotency_key = ? AND deleted_at IS NULL`,
        [terminalId, scope, key]
      )
      const prior = rows[0]
      if (!prior || prior.request_hash !== requestHash) {
        return terminalError("idempotency_conflict", "This Idempotency-Key was used with a different request.")
      }
      return { status: prior.response_status, body: prior.response_body }
    }
    const result = await work()
    await trx.raw(`UPDATE terminal_idempotency SET response_status = ?, response_body = ?::jsonb, updated_at = now() WHERE id = ?`, [
      result.status,
      JSON.stringify(result.body),
      claimed.rows[0].id,
    ])
    return result
  }
}

export default VoucherModuleService
