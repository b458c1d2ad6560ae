import type { MedusaResponse } from "@medusajs/framework/http"
import { VOUCHER_MODULE } from "../../../../../../modules/voucher"
import type VoucherModuleService from "../../../../../../modules/voucher/service"
import { parseTerminalInput } from "../../../parse-terminal-input"
import { requestHash } from "../../../request-hash"
import { requireTerminal, sendTerminalResult, TerminalRequest } from "../../../terminal-context"
import { IdempotencyKey, ReverseBody } from "../../../validators"

export async function POST(req: TerminalRequest, res: MedusaResponse) {
  const key = parseTerminalInput(IdempotencyKey, req.headers["idempotency-key"], res)
  if (!key) return
  if (parseTerminalInput(ReverseBody, req.body, res) === undefined) return
  const terminal = requireTerminal(req)
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const result = await vouchers.reverseAtTerminal({
    terminal: { id: terminal.id, store_id: terminal.store_id, merchant_id: terminal.merchant_id },
    redemption_id: String(req.params.id).slice(0, 64),
    idempotency_key: key,
    request_hash: requestHash(req),
    window_minutes: Number(process.env.REVERSAL_WINDOW_MINUTES || 30),
  })
  sendTerminalResult(res, result)
}
