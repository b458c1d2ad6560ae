import type { MedusaResponse } from "@medusajs/framework/http"
import { codeFromInput, isWellFormedVoucherCode } from "../../../../lib/voucher-code"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { codeHmac } from "../../../../modules/voucher/service"
import { auditUnknownCodeNow } from "../audit-terminal-call"
import { parseTerminalInput } from "../parse-terminal-input"
import { requestHash } from "../request-hash"
import { requireTerminal, sendTerminalError, sendTerminalResult, TerminalRequest } from "../terminal-context"
import { IdempotencyKey, RedeemBody } from "../validators"

export async function POST(req: TerminalRequest, res: MedusaResponse) {
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
  if (result.body.code === "voucher_not_found") {
    res.locals.terminalResult = "voucher_not_found"
    await auditUnknownCodeNow(req, res, result.status)
  }
  sendTerminalResult(res, result)
}
