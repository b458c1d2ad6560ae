import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"
import { SIGNATURE_MAX_SKEW_SECONDS, signTerminalRequest } from "../../../lib/terminal-signature"
import { timingSafeEqualHex } from "../../../lib/secrets"
import { allowTerminalRequest } from "./rate-limit"
import { AuthenticatedTerminal, sendTerminalError, TerminalRequest } from "./terminal-context"

const header = (req: TerminalRequest, name: string) => {
  const v = req.headers[name]
  return typeof v === "string" ? v : undefined
}

/** Checks the HMAC signature, clock skew, nonce replay and terminal status (ARCHITECTURE.md §5). */
export async function authenticateTerminal(req: TerminalRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const keyId = header(req, "x-terminal-key")
  const timestamp = header(req, "x-timestamp")
  const nonce = header(req, "x-nonce")
  const signature = header(req, "x-signature")
  if (!keyId || !timestamp || !nonce || !signature) {
    return sendTerminalError(res, "unauthorized", "Missing X-Terminal-Key, X-Timestamp, X-Nonce or X-Signature.")
  }
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) {
    return sendTerminalError(res, "unauthorized", "X-Timestamp is missing or more than 300 s off.")
  }
  if (!/^[\x21-\x7e]{16,64}$/.test(nonce) || !/^[0-9a-f]{64}$/i.test(signature) || keyId.length > 128) {
    return sendTerminalError(res, "unauthorized", "Malformed authentication headers.")
  }
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const signedWith = (secret: string) =>
    timingSafeEqualHex(signTerminalRequest(secret, req.method, req.originalUrl, timestamp, nonce, req.rawBody ?? Buffer.alloc(0)), signature.toLowerCase())

  // Usual case, one round trip: the signature checks out under the secret this process already
  // decrypted for the key, and one statement reads the terminal's live state (status, merchant's
  // status, current secret) and claims the nonce if that state still admits the call.
  const known = merchants.knownTerminalSecret(keyId)
  if (known && signedWith(known.secret)) {
    const admitted = await merchants.admitTerminalCall(keyId, known.sealed, nonce)
    if (!admitted) return sendTerminalError(res, "unauthorized", "Unknown terminal key or bad signature.")
    // a secret rotated since: the signature must hold under the new one, and the nonce is still unclaimed
    if (!admitted.same_secret && !signedWith(admitted.secret)) {
      return sendTerminalError(res, "unauthorized", "Unknown terminal key or bad signature.")
    }
    const { same_secret: sameSecret, nonce_claimed: nonceClaimed, secret: _secret, ...terminal } = admitted as typeof admitted & { secret?: string }
    return admit(req, res, next, merchants, terminal, nonce, sameSecret ? nonceClaimed : undefined)
  }

  const terminal = await merchants.resolveTerminalByKey(keyId)
  if (!terminal) return sendTerminalError(res, "unauthorized", "Unknown terminal key or bad signature.")
  if (!signedWith(terminal.secret)) return sendTerminalError(res, "unauthorized", "Unknown terminal key or bad signature.")
  const { secret: _secret, ...rest } = terminal
  return admit(req, res, next, merchants, rest, nonce, undefined)
}

/** Status checks in the contract's order (suspended merchant, then terminal), then the nonce. */
async function admit(
  req: TerminalRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  merchants: MerchantModuleService,
  terminal: AuthenticatedTerminal & { merchant_status: string },
  nonce: string,
  nonceClaimed: boolean | undefined
) {
  const { merchant_status: merchantStatus, ...identity } = terminal
  res.locals.terminalId = identity.id
  res.locals.terminalKeyId = identity.key_id
  if (merchantStatus !== "active") {
    return sendTerminalError(res, "forbidden", "This merchant is suspended.")
  }
  if (identity.status !== "active") {
    return sendTerminalError(res, "forbidden", identity.status === "locked"
      ? "This terminal is locked after too many unknown codes; ask an operator to unlock it."
      : "This terminal is disabled.")
  }
  if (!(nonceClaimed ?? (await merchants.claimNonce(identity.id, nonce)))) {
    return sendTerminalError(res, "unauthorized", "This nonce was already used.")
  }
  if (!allowTerminalRequest(identity.id)) {
    return sendTerminalError(res, "rate_limited", "Too many requests from this terminal; slow down.")
  }
  req.terminal = identity
  next()
}
