import crypto from "node:crypto"
import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { decryptSecret, encryptSecret, sha256Hex } from "../../lib/secrets"
import Merchant from "./models/merchant"
import MerchantStore from "./models/merchant-store"
import Terminal from "./models/terminal"
import TerminalAudit from "./models/terminal-audit"
import TerminalNonce from "./models/terminal-nonce"

const SECRET_PURPOSE = "terminal-secret"
const PAIRING_TTL_MS = 24 * 60 * 60 * 1000
export const LOCKOUT_UNKNOWN_CODES = 20
export const LOCKOUT_WINDOW_MINUTES = 10

export type TerminalCredentials = { key_id: string; secret: string; pairing_code: string }

function newKeyId() {
  return `tk_${crypto.randomBytes(9).toString("base64url")}`
}
function newSecret() {
  return crypto.randomBytes(32).toString("base64url")
}
function newPairingCode() {
  // 8 digits typed once on the device; hashed at rest and single-use
  return String(crypto.randomInt(0, 100_000_000)).padStart(8, "0")
}

class MerchantModuleService extends MedusaService({ Merchant, MerchantStore, Terminal, TerminalNonce, TerminalAudit }) {
  async issueTerminal(input: { store_id: string; name: string }): Promise<{ terminal: any } & TerminalCredentials> {
    const key_id = newKeyId()
    const secret = newSecret()
    const pairing_code = newPairingCode()
    const terminal = await this.createTerminals({
      name: input.name,
      store_id: input.store_id,
      key_id,
      secret_encrypted: encryptSecret(SECRET_PURPOSE, secret),
      pairing_code_hash: sha256Hex(pairing_code),
      pairing_expires_at: new Date(Date.now() + PAIRING_TTL_MS),
    } as any)
    return { terminal, key_id, secret, pairing_code }
  }

  async rotateTerminalSecret(id: string): Promise<{ terminal: any } & TerminalCredentials> {
    const secret = newSecret()
    const pairing_code = newPairingCode()
    const terminal = await this.updateTerminals({
      id,
      secret_encrypted: encryptSecret(SECRET_PURPOSE, secret),
      pairing_code_hash: sha256Hex(pairing_code),
      pairing_expires_at: new Date(Date.now() + PAIRING_TTL_MS),
    } as any)
    return { terminal, key_id: terminal.key_id, secret, pairing_code }
  }

  /** Exchanges a one-time pairing code for the terminal's credentials; a code works once. */
  @InjectManager()
  async pairTerminal(pairingCode: string, @MedusaContext() ctx: Context = {}) {
    const knex = (ctx.manager as any).getKnex()
    const rows = await knex.raw(
      `UPDATE terminal SET pairing_code_hash = NULL, pairing_expires_at = NULL, updated_at = now()
       WHERE pairing_code_hash = ? AND pairing_expires_at > now() AND deleted_at IS NULL AND status = 'active'
       RETURNING id, key_id, secret_encrypted, name, store_id`,
      [sha256Hex(pairingCode)]
    )
    const row = rows.rows[0]
    if (!row) return null
    return { id: row.id, key_id: row.key_id, name: row.name, store_id: row.store_id, secret: decryptSecret(SECRET_PURPOSE, row.secret_encrypted) }
  }

  /** Everything the signature check needs, in one query. */
  @InjectManager()
  async resolveTerminalByKey(keyId: string, @MedusaContext() ctx: Context = {}) {
    const knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `SELECT t.id, t.key_id, t.name, t.status, t.secret_encrypted, s.id AS store_id, s.name AS store_name, s.merchant_id, m.name AS merchant_name,
              m.status AS merchant_status
       FROM terminal t JOIN merchant_store s ON s.id = t.store_id JOIN merchant m ON m.id = s.merchant_id
       WHERE t.key_id = ? AND t.deleted_at IS NULL AND s.deleted_at IS NULL AND m.deleted_at IS NULL`,
      [keyId]
    )
    const row = rows[0]
    if (!row) return null
    const { secret_encrypted, ...terminal } = row
    return { ...terminal, secret: decryptSecret(SECRET_PURPOSE, secret_encrypted) as string }
  }

  /** false when this terminal already used the nonce (a replay). */
  @InjectManager()
  async claimNonce(terminalId: string, nonce: string, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    const knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `INSERT INTO terminal_nonce (id, terminal_id, nonce, created_at, updated_at)
       VALUES (?, ?, ?, now(), now()) ON CONFLICT (terminal_id, nonce) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
      [`tnon_${crypto.randomBytes(12).toString("hex")}`, terminalId, nonce]
    )
    return rows.length === 1
  }

  @InjectManager()
  async recordTerminalCall(
    entry: { terminal_id?: string | null; key_id?: string | null; action: string; code_hmac?: string | null; result: string; http_status: number; latency_ms: number },
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = (ctx.manager as any).getKnex()
    // one round trip: the audit row, and last_seen_at at most once a minute so parallel calls
    // from one device don't queue on its row
    await knex.raw(
      `WITH audit AS (
         INSERT INTO terminal_audit (id, terminal_id, key_id, action, code_hmac, result, http_status, latency_ms, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), now())
       )
       UPDATE terminal SET last_seen_at = now()
       WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`,
      [`taud_${crypto.randomBytes(12).toString("hex")}`, entry.terminal_id ?? null, entry.key_id ?? null, entry.action,
        entry.code_hmac ?? null, entry.result, entry.http_status, Math.round(entry.latency_ms), entry.terminal_id ?? null]
    )
  }

  /** Locks the terminal once it has looked up too many unknown codes; true when it is now locked. */
  @InjectManager()
  async lockIfGuessing(terminalId: string, @MedusaContext() ctx: Context = {}): Promise<boolean> {
    const knex = (ctx.manager as any).getKnex()
    const { rows } = await knex.raw(
      `UPDATE terminal SET status = 'locked', locked_at = now(), updated_at = now()
       WHERE id = ? AND status = 'active' AND (
         SELECT count(*) FROM terminal_audit
         WHERE terminal_id = ? AND result = 'voucher_not_found'
           AND created_at > GREATEST(now() - (? || ' minutes')::interval, COALESCE(terminal.unlocked_at, '-infinity'))
       ) >= ? RETURNING id`,
      [terminalId, terminalId, String(LOCKOUT_WINDOW_MINUTES), LOCKOUT_UNKNOWN_CODES]
    )
    return rows.length === 1
  }

  /**
   * Moves a terminal to `to` in one conditional statement, only from one of the `from` states, so an
   * operator's "unlock" cannot re-activate a terminal another operator disabled a moment earlier.
   * Returns the updated row, or null when the terminal does not exist or was in another state.
   */
  @InjectManager()
  async transitionTerminalStatus(
    id: string,
    from: Array<"active" | "disabled" | "locked">,
    to: "active" | "disabled",
    @MedusaContext() ctx: Context = {}
  ): Promise<{ id: string; status: string } | null> {
    const knex = (ctx.manager as any).getKnex()
    // back to active restarts the lockout window
    const reactivate = to === "active" ? ", locked_at = NULL, unlocked_at = now()" : ""
    const { rows } = await knex.raw(
      `UPDATE terminal SET status = ?${reactivate}, updated_at = now()
       WHERE id = ? AND deleted_at IS NULL AND status IN (${from.map(() => "?").join(", ")}) RETURNING id, status`,
      [to, id, ...from]
    )
    return rows[0] ?? null
  }

  /** Soft-deletes stores with their terminals in one transaction: a removed branch's devices stop authenticating. */
  @InjectTransactionManager()
  async softDeleteStoresWithTerminals(storeIds: string[], @MedusaContext() ctx: Context = {}) {
    if (!storeIds.length) return
    const terminals = await this.listTerminals({ store_id: storeIds }, { select: ["id"] }, ctx)
    if (terminals.length) await this.softDeleteTerminals(terminals.map((t) => t.id), {}, ctx)
    await this.softDeleteMerchantStores(storeIds, {}, ctx)
  }

  /** Soft-deletes a merchant with all its stores and terminals in one transaction. */
  @InjectTransactionManager()
  async softDeleteMerchantWithBranches(merchantId: string, @MedusaContext() ctx: Context = {}) {
    const stores = await this.listMerchantStores({ merchant_id: merchantId } as any, { select: ["id"] }, ctx)
    await this.softDeleteStoresWithTerminals(stores.map((s) => s.id), ctx)
    await this.softDeleteMerchants([merchantId], {}, ctx)
  }
}

export default MerchantModuleService
