import type { MedusaResponse } from "@medusajs/framework/http"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import { shanghaiDayRange, shanghaiToday } from "../../../../modules/voucher/redeem-rules"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { parseTerminalInput } from "../parse-terminal-input"
import { requireTerminal, sendTerminalError, TerminalRequest } from "../terminal-context"
import { RedemptionsQuery } from "../validators"

export async function GET(req: TerminalRequest, res: MedusaResponse) {
  const query = parseTerminalInput(RedemptionsQuery, req.query, res)
  if (!query) return
  const terminal = requireTerminal(req)
  const today = shanghaiToday(new Date())
  const [from] = shanghaiDayRange(query.from ?? today)
  const [, to] = shanghaiDayRange(query.to ?? query.from ?? today)
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) {
    return sendTerminalError(res, "invalid_request", "from and to must be valid days, from ≤ to.")
  }
  if (to.getTime() - from.getTime() > 93 * 24 * 3600 * 1000) {
    return sendTerminalError(res, "invalid_request", "At most 93 days at a time.")
  }
  const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
  const redemptions = await vouchers.listStoreRedemptions(terminal.store_id, from, to)
  res.locals.terminalResult = "ok"
  res.json({ redemptions, count: redemptions.length })
}
