import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"
import type { LiveTerminal } from "../../../modules/merchant/service"
import { SIGNATURE_MAX_SKEW_SECONDS, signTerminalRequest } from "../../../lib/terminal-signature"
import { timingSafeEqualHex } from "../../../lib/secrets"
import { allowTerminalRequest } from "./rate-limit"
import { sendTerminalError, SignedHeaders, TerminalRequest } from "./terminal-context"

const header = (req: TerminalRequest, name: string) => {
  const v = req.headers[name]
  return typeof v === "string" ? v : undefined
}

// The one route whose handler finishes the check in the statement that does its work (see
// redeem/route.ts): its usual call costs one database round trip instead of two.
const DEFERS_ADMISSION = "POST /terminal/v1/redeem"

/** Checks the HMAC signature, clock skew, nonce replay and terminal status (ARCHITECTURE.md §5). */
export async function authenticateTerminal(req: TerminalRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const signed = signedHeaders(req, res)
  if (!signed) return
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const known = merchants.knownTerminalSecret(signed.keyId)
  if (known && `${req.method} ${req.originalUrl}` === DEFERS_ADMISSION && signedWith(req, signed, known.secret)) {
    // signature verified under the secret this process decrypted for the key; the live state
    // (statuses, current secret, nonce) is checked by the route's statement, before it redeems
    req.terminalAdmission = { ...signed, terminal_id: known.terminal_id, sealed: known.sealed }
    return next()
  }
  if (await admitSigned(req, res, signed)) next()
}

function signedHeaders(req: TerminalRequest, res: MedusaResponse): SignedHeaders | undefined {
  const keyId = header(req, "x-terminal-key")
  const timestamp = header(req, "x-timestamp")
  const nonce = header(req, "x-nonce")
  const signature = header(req, "x-signature")
  if (!keyId || !timestamp || !nonce || !signature) {
    sendTerminalError(res, "unauthorized", "Missing X-Terminal-Key, X-Timestamp, X-Nonce or X-Signature.")
    return undefined
  }
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) {
    sendTerminalError(res, "unauthorized", "X-Timestamp is missing or more than 300 s off.")
    return undefined
  }
  if (!/^[\x21-\x7e]{16,64}$/.test(nonce) || !/^[0-9a-f]{64}$/i.test(signature) || keyId.length > 128) {
    sendTerminalError(res, "unauthorized", "Malformed authentication headers.")
    return undefined
  }
  return { keyId, timestamp, nonce, signature }
}

export function signedWith(req: TerminalRequest, signed: SignedHeaders, secret: string) {
  const expected = signTerminalRequest(secret, req.method, req.originalUrl, signed.timestamp, signed.nonce, req.rawBody ?? Buffer.alloc(0))
  return timingSafeEqualHex(expected, signed.signature.toLowerCase())
}

/**
 * The whole check for a request with well-formed signed headers; true when admitted (req.terminal
 * set), false when it already answered 401, 403 or 429. `allowed` is the rate limiter's verdict
 * when the caller already asked it for this request.
 */
export async function admitSigned(req: TerminalRequest, res: MedusaResponse, signed: SignedHeaders, allowed?: boolean): Promise<boolean> {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  // Usual case, one round trip: the signature checks out under the secret this process already
  // decrypted for the key, and one statement reads the terminal's live state (status, merchant's
  // status, current secret) and claims the nonce if that state still admits the call.
  const known = merchants.knownTerminalSecret(signed.keyId)
  if (known && signedWith(req, signed, known.secret)) {
    const admission = await merchants.admitTerminalCall(signed.keyId, known.sealed, signed.nonce)
    if (!admission) return unknownKey(res)
    // a secret rotated since: the signature must hold under the new one, and the nonce is still unclaimed
    if (!admission.same_secret && !signedWith(req, signed, admission.secret)) return unknownKey(res)
    const { same_secret: sameSecret, nonce_claimed: nonceClaimed, ...terminal } = admission
    return admitTerminal(req, res, terminal, sameSecret ? nonceClaimed : await claimNonce(merchants, terminal, signed), allowed)
  }

  const terminal = await merchants.resolveTerminalByKey(signed.keyId)
  if (!terminal || !signedWith(req, signed, terminal.secret)) return unknownKey(res)
  return admitTerminal(req, res, terminal, await claimNonce(merchants, terminal, signed), allowed)
}

// the nonce is claimed only for a terminal the status checks admit (as before: a refused call
// leaves its nonce unused)
async function claimNonce(merchants: MerchantModuleService, terminal: LiveTerminal, signed: SignedHeaders) {
  if (terminal.merchant_status !== "active" || terminal.status !== "active") return false
  return merchants.claimNonce(terminal.id, signed.nonce)
}

function unknownKey(res: MedusaResponse): false {
  sendTerminalError(res, "unauthorized", "Unknown terminal key or bad signature.")
  return false
}

/**
 * The answer for a terminal read live, in the contract's order: suspended merchant (403), terminal
 * not active (403), nonce already used (401), rate limit (429). true when admitted.
 */
export function admitTerminal(req: TerminalRequest, res: MedusaResponse, terminal: LiveTerminal & { secret?: string }, nonceClaimed: boolean, allowed?: boolean): boolean {
  const { merchant_status: merchantStatus, secret: _secret, ...identity } = terminal
  res.locals.terminalId = identity.id
  res.locals.terminalKeyId = identity.key_id
  if (merchantStatus !== "active") {
    sendTerminalError(res, "forbidden", "This merchant is suspended.")
    return false
  }
  if (identity.status !== "active") {
    sendTerminalError(res, "forbidden", identity.status === "locked"
      ? "This terminal is locked after too many unknown codes; ask an operator to unlock it."
      : "This terminal is disabled.")
    return false
  }
  if (!nonceClaimed) {
    sendTerminalError(res, "unauthorized", "This nonce was already used.")
    return false
  }
  if (!(allowed ?? allowTerminalRequest(identity.id))) {
    sendTerminalError(res, "rate_limited", "Too many requests from this terminal; slow down.")
    return false
  }
  req.terminal = identity
  return true
}
