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

/** A terminal as the signature check sees it: with its store and merchant, read live. */
export type LiveTerminal = {
  id: string
  key_id: string
  name: string
  status: string
  store_id: string
  store_name: string
  merchant_id: string
  merchant_name: string
  merchant_status: string
}

export type TerminalCallEntry = {
  terminal_id?: string | null
  key_id?: string | null
  action: string
  code_hmac?: string | null
  result: string
  http_status: number
  latency_ms: number
}

// Decrypted terminal secrets, by key id, with the sealed value they came from. Only the decryption
// is saved: every request still reads the terminal's row, and a secret whose sealed value changed
// (rotated) is decrypted again. Bounded: the oldest entry goes first.
const SECRET_CACHE_MAX = 10_000
const openedSecrets = new Map<string, { terminal_id: string; sealed: string; secret: string }>()

function openTerminalSecret(keyId: string, terminalId: string, sealed: string): string {
  const known = openedSecrets.get(keyId)
  if (known && known.sealed === sealed && known.terminal_id === terminalId) return known.secret
  const secret = decryptSecret(SECRET_PURPOSE, sealed) as string
  openedSecrets.delete(keyId)
  if (openedSecrets.size >= SECRET_CACHE_MAX) openedSecrets.delete(openedSecrets.keys().next().value as string)
  openedSecrets.set(keyId, { terminal_id: terminalId, sealed, secret })
  return secret
}

const AUDIT_BATCH_MAX = 500

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
    return { ...terminal, secret: openTerminalSecret(keyId, terminal.id, secret_encrypted) }
  }

  /** The secret this process last decrypted for a key, with its sealed value and terminal; no database access. */
  knownTerminalSecret(keyId: string): { terminal_id: string; sealed: string; secret: string } | undefined {
    return openedSecrets.get(keyId)
  }

  /**
   * The signed request's check in one round trip, for a signature already verified with a known
   * secret: the terminal's row as resolveTerminalByKey reads it, whether its sealed secret is still
   * `sealed`, and the nonce claim, made only when the secret is unchanged and the terminal and its
   * merchant are active (as claimNonce after those checks). null for an unknown key. The database
   * function merchant_admit_terminal_call (migration Migration20261128133200) does it.
   */
  async admitTerminalCall(keyId: string, sealed: string, nonce: string) {
    return this.readAdmission(keyId, sealed, (await this.admissionQuery(keyId, sealed, nonce)).rows[0])
  }

  /**
   * What admitTerminalCall reads from a row of merchant_admit_terminal_call, for a caller that ran
   * the function inside its own statement (the terminal redeem does, to redeem in the same round trip).
   */
  readAdmission(keyId: string, sealed: string, row: (LiveTerminal & { secret_encrypted: string; nonce_claimed: boolean }) | undefined) {
    if (!row) return null
    const { secret_encrypted, nonce_claimed, ...terminal } = row
    if (secret_encrypted === sealed) return { ...terminal, same_secret: true as const, nonce_claimed }
    return { ...terminal, same_secret: false as const, nonce_claimed: false, secret: openTerminalSecret(keyId, terminal.id, secret_encrypted) }
  }

  @InjectManager()
  private async admissionQuery(keyId: string, sealed: string, nonce: string, @MedusaContext() ctx: Context = {}) {
    const knex = (ctx.manager as any).getKnex()
    return knex.raw(`SELECT * FROM merchant_admit_terminal_call(?::text, ?::text, ?::text, ?::text)`, [
      keyId,
      sealed,
      `tnon_${crypto.randomBytes(12).toString("hex")}`,
      nonce,
    ]).options({ name: "merchant_admit_terminal_call" }) // a named statement: parsed once per connection
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

  /** Writes one audit row now (and waits for it): for calls whose audit decides the next answer. */
  async recordTerminalCall(entry: TerminalCallEntry) {
    await this.recordTerminalCalls([entry])
  }

  private auditQueue: TerminalCallEntry[] = []
  private auditWriting = false
  private auditFailed: (error: Error, rows: number) => void = () => {}

  /**
   * Queues an audit row; queued rows are written together, one statement per batch, as soon as the
   * previous batch is written (right away when none is in flight). Under load many calls share one
   * round trip; at rest a row is written within a tick of its call.
   */
  queueTerminalCall(entry: TerminalCallEntry, onError?: (error: Error, rows: number) => void) {
    if (onError) this.auditFailed = onError
    this.auditQueue.push(entry)
    if (!this.auditWriting) {
      this.auditWriting = true
      setImmediate(() => void this.writeQueuedCalls())
    }
  }

  private async writeQueuedCalls() {
    while (this.auditQueue.length) {
      const batch = this.auditQueue.splice(0, AUDIT_BATCH_MAX)
      try {
        await this.recordTerminalCalls(batch)
      } catch (e: any) {
        if (batch.length === 1) {
          this.auditFailed(e, 1)
          continue
        }
        // one row the database refuses must not cost the others theirs
        for (const entry of batch) await this.recordTerminalCalls([entry]).catch((err: any) => this.auditFailed(err, 1))
      }
    }
    this.auditWriting = false
  }

  @InjectManager()
  async recordTerminalCalls(entries: TerminalCallEntry[], @MedusaContext() ctx: Context = {}) {
    if (!entries.length) return
    const knex = (ctx.manager as any).getKnex()
    const rows = entries.map((e) => ({
      id: `taud_${crypto.randomBytes(12).toString("hex")}`,
      terminal_id: e.terminal_id ?? null,
      key_id: e.key_id ?? null,
      action: e.action,
      code_hmac: e.code_hmac ?? null,
      result: e.result,
      http_status: e.http_status,
      latency_ms: Math.round(e.latency_ms),
    }))
    // one round trip for the batch: the audit rows, and last_seen_at at most once a minute so
    // parallel calls from one device don't queue on its row
    await knex.raw(
      `WITH batch AS (
         SELECT * FROM jsonb_to_recordset(?::jsonb)
           AS b(id text, terminal_id text, key_id text, action text, code_hmac text, result text, http_status integer, latency_ms integer)
       ), audit AS (
         INSERT INTO terminal_audit (id, terminal_id, key_id, action, code_hmac, result, http_status, latency_ms, created_at, updated_at)
         SELECT id, terminal_id, key_id, action, code_hmac, result, http_status, latency_ms, now(), now() FROM batch
       )
       UPDATE terminal SET last_seen_at = now()
       WHERE id IN (SELECT terminal_id FROM batch) AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`,
      [JSON.stringify(rows)]
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
