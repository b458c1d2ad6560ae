import type { MedusaResponse } from "@medusajs/framework/http"
import { codeFromInput, isWellFormedVoucherCode } from "../../../../lib/voucher-code"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import { redeemBlocker } from "../../../../modules/voucher/redeem-rules"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { codeHmac, voucherView } from "../../../../modules/voucher/service"
import { auditUnknownCodeNow } from "../audit-terminal-call"
import { parseTerminalInput } from "../parse-terminal-input"
import { requireTerminal, sendTerminalError, TerminalRequest } from "../terminal-context"
import { VerifyBody } from "../validators"

export async function POST(req: TerminalRequest, res: MedusaResponse) {
  const body = parseTerminalInput(VerifyBody, req.body, res)
  if (!body) return
  const terminal = requireTerminal(req)
  const code = codeFromInput(body.code)
  res.locals.codeHmac = codeHmac(code)
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const voucher = isWellFormedVoucherCode(code) ? await vouchers.findVoucherForMerchant(code, terminal.merchant_id) : null
  if (!voucher) {
    // audited (and the lockout applied) before the answer leaves, so the 21st guess is refused
    res.locals.terminalResult = "voucher_not_found"
    await auditUnknownCodeNow(req, res, 404)
    return sendTerminalError(res, "voucher_not_found", "No voucher with this code.")
  }
  const blocker = redeemBlocker({ ...voucher, balance: Number(voucher.balance), face_value: Number(voucher.face_value) }, terminal.store_id, new Date())
  res.locals.terminalResult = blocker ? blocker.code : "ok"
  res.status(200).json({
    voucher: { ...voucherView(voucher), ...(voucher.details ? { details: voucher.details } : {}), redeemable: !blocker, ...(blocker ? { reason: blocker.code, reason_message: blocker.message } : {}) },
  })
}
