import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TERMINAL_ERRORS, TerminalErrorCode, TerminalResult } from "../../../modules/voucher/terminal-errors"

export type AuthenticatedTerminal = {
  id: string
  key_id: string
  name: string
  status: string
  store_id: string
  store_name: string
  merchant_id: string
  merchant_name: string
}

export type SignedHeaders = { keyId: string; timestamp: string; nonce: string; signature: string }

/**
 * A signature already verified under a cached secret, whose live check (terminal, store and
 * merchant status, current secret, nonce, rate limit) the route still owes: see authenticate-terminal.ts.
 */
export type PendingAdmission = SignedHeaders & { terminal_id: string; sealed: string }

export type TerminalRequest<B = unknown> = MedusaRequest<B> & {
  terminal?: AuthenticatedTerminal
  terminalAdmission?: PendingAdmission
  rawBody?: Buffer
}

export function sendTerminalError(res: MedusaResponse, code: TerminalErrorCode, message: string) {
  res.locals.terminalResult = code
  res.status(TERMINAL_ERRORS[code]).json({ code, message })
}

export function sendTerminalResult(res: MedusaResponse, result: TerminalResult) {
  res.locals.terminalResult = typeof result.body.code === "string" ? result.body.code : "ok"
  res.status(result.status).json(result.body)
}

export function requireTerminal(req: TerminalRequest): AuthenticatedTerminal {
  if (!req.terminal) throw new Error("terminal route reached without authentication")
  return req.terminal
}
