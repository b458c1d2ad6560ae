import crypto from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LiveTerminal } from "../../../../modules/merchant/service"
import { codeHmac } from "../../../../modules/voucher/service"
import type { TerminalResult } from "../../../../modules/voucher/terminal-errors"
import type { PendingAdmission } from "../terminal-context"

const rid = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`

export type AdmittedRedemption = LiveTerminal & {
  secret_encrypted: string
  nonce_claimed: boolean
  /** null unless the nonce was claimed, i.e. the terminal was admitted */
  redeemed: (TerminalResult & { redemption_id: string | null }) | null
}

/**
 * A terminal redemption with its authentication check, in one statement and one round trip: each
 * module's database function does its part (merchant_admit_terminal_call: live status, current
 * secret, nonce claim; voucher_redeem_at_terminal: idempotency, lock, rules, ledger), and the
 * redemption runs only when the admission claimed the nonce, i.e. the terminal, its merchant and
 * its secret all still admit the call. One statement is one transaction: a failed redemption
 * leaves the nonce unclaimed. Composed here, where both modules meet, as a route composes two
 * module calls; neither module knows the other's tables.
 */
export async function admitAndRedeem(
  scope: MedusaContainer,
  input: { admission: PendingAdmission; code: string; amount?: number; idempotency_key: string; request_hash: string; now?: Date }
): Promise<AdmittedRedemption | undefined> {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const { admission } = input
  const { rows } = await knex
    .raw(
      `SELECT a.*, CASE WHEN a.nonce_claimed THEN to_jsonb(voucher_redeem_at_terminal(a.id, a.store_id, a.merchant_id,
         ?::text, ?::integer, ?::text, ?::text, ?::text, ?::text, ?::timestamptz)) END AS redeemed
       FROM merchant_admit_terminal_call(?::text, ?::text, ?::text, ?::text) a`,
      [
        codeHmac(input.code),
        input.amount ?? null,
        input.idempotency_key,
        input.request_hash,
        rid("tidem"),
        rid("rdm"),
        input.now ?? new Date(),
        admission.keyId,
        admission.sealed,
        rid("tnon"),
        admission.nonce,
      ]
    )
    .options({ name: "terminal_admit_and_redeem" }) // a named statement: parsed once per connection
  return rows[0]
}
