import { encryptSecret } from "../../../lib/secrets"

const PURPOSE = "settlement-account"

/** Bank card or account number as typed (spaces and dashes allowed) → the canonical digits/letters. */
export function normalizeSettlementAccount(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase()
}

export const SETTLEMENT_ACCOUNT_PATTERN = /^[0-9A-Z]{8,34}$/

/** The columns stored for an account: the number encrypted at rest, only its last 4 characters in clear. */
export function settlementAccountColumns(account: string | null) {
  if (account === null) return { settlement_account_encrypted: null, settlement_account_last4: null }
  const normalized = normalizeSettlementAccount(account)
  return {
    settlement_account_encrypted: encryptSecret(PURPOSE, normalized),
    settlement_account_last4: normalized.slice(-4),
  }
}

/** What an operator sees: "**** **** 1234". */
export function maskSettlementAccount(last4: string | null | undefined): string | null {
  return last4 ? `**** **** ${last4}` : null
}
