import type { MedusaResponse } from "@medusajs/framework/http"
import { codeFromInput, isWellFormedVoucherCode } from "../../../../lib/voucher-code"
import { MERCHANT_MODULE } from "../../../../modules/merchant"
import type MerchantModuleService from "../../../../modules/merchant/service"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { codeHmac } from "../../../../modules/voucher/service"
import type { TerminalResult } from "../../../../modules/voucher/terminal-errors"
import { auditUnknownCodeNow } from "../audit-terminal-call"
import { admitSigned, admitTerminal } from "../authenticate-terminal"
import { parseTerminalInput } from "../parse-terminal-input"
import { allowTerminalRequest } from "../rate-limit"
import { requestHash } from "../request-hash"
import { PendingAdmission, requireTerminal, sendTerminalError, sendTerminalResult, TerminalRequest } from "../terminal-context"
import { IdempotencyKey, RedeemBody } from "../validators"
import { admitAndRedeem } from "./admit-and-redeem"

export async function POST(req: TerminalRequest, res: MedusaResponse) {
  const pending = req.terminalAdmission
  if (pending) {
    // usual case: admitted and redeemed in one statement
    const outcome = await redeemInOneStatement(req, res, pending)
    if (outcome === "answered") return
    // anything else is checked as on every other route first, so a refused terminal is told so
    // before it hears about its input
    if (!(await admitSigned(req, res, pending, outcome.allowed))) return
  }

  const key = parseTerminalInput(IdempotencyKey, req.headers["idempotency-key"], res)
  if (!key) return
  const body = parseTerminalInput(RedeemBody, req.body, res)
  if (!body) return
  const terminal = requireTerminal(req)
  const code = codeFromInput(body.code)
  res.locals.codeHmac = codeHmac(code)
  if (!isWellFormedVoucherCode(code)) {
    res.locals.terminalResult = "voucher_not_found"
    await auditUnknownCodeNow(req, res, 404)
    return sendTerminalError(res, "voucher_not_found", "No voucher with this code.")
  }
  // One module call, one database transaction: nothing to compose or compensate, so no workflow
  // on this hot path (the workflow engine's bookkeeping cost more than the redemption itself).
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const result = await vouchers.redeemAtTerminal({
    terminal: { id: terminal.id, store_id: terminal.store_id, merchant_id: terminal.merchant_id },
    code,
    amount: body.amount,
    idempotency_key: key,
    request_hash: requestHash(req),
  })
  await answer(req, res, result)
}

/**
 * Well-formed input within the rate limit: one statement checks the terminal live and redeems
 * (admit-and-redeem.ts). Returns "answered", or, having done nothing in the database, what the
 * full check should know (the rate limiter's verdict, when it was asked).
 */
async function redeemInOneStatement(req: TerminalRequest, res: MedusaResponse, pending: PendingAdmission): Promise<"answered" | { allowed?: boolean }> {
  const key = IdempotencyKey.safeParse(req.headers["idempotency-key"] ?? {})
  const body = RedeemBody.safeParse(req.body ?? {})
  if (!key.success || !body.success) return {}
  const code = codeFromInput(body.data.code)
  if (!isWellFormedVoucherCode(code)) return {}
  const allowed = allowTerminalRequest(pending.terminal_id)
  if (!allowed) return { allowed }

  const row = await admitAndRedeem(req.scope, {
    admission: pending,
    code,
    amount: body.data.amount,
    idempotency_key: key.data,
    request_hash: requestHash(req),
  })
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const { redeemed, ...live } = row ?? { redeemed: null }
  const admission = merchants.readAdmission(pending.keyId, pending.sealed, row && (live as Omit<NonNullable<typeof row>, "redeemed">))
  if (!admission) {
    sendTerminalError(res, "unauthorized", "Unknown terminal key or bad signature.")
    return "answered"
  }
  // a secret rotated since the cached one: nothing was claimed or redeemed; the full check decides
  if (!admission.same_secret) return { allowed }
  const { same_secret: _same, nonce_claimed: nonceClaimed, ...terminal } = admission
  if (!admitTerminal(req, res, terminal, nonceClaimed, allowed)) return "answered"
  if (!redeemed) throw new Error("admitted terminal call without its redemption")
  res.locals.codeHmac = codeHmac(code)
  await answer(req, res, { status: redeemed.status, body: redeemed.body })
  return "answered"
}

async function answer(req: TerminalRequest, res: MedusaResponse, result: TerminalResult) {
  if (result.body.code === "voucher_not_found") {
    res.locals.terminalResult = "voucher_not_found"
    await auditUnknownCodeNow(req, res, result.status)
  }
  sendTerminalResult(res, result)
}
