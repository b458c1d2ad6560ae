import type { MedusaResponse } from "@medusajs/framework/http"
import { shanghaiDate } from "../../../../lib/shanghai-time"
import { SETTLEMENT_MODULE } from "../../../../modules/settlement"
import type SettlementModuleService from "../../../../modules/settlement/service"
import { parseTerminalInput } from "../parse-terminal-input"
import { requireTerminal, sendTerminalError, TerminalRequest } from "../terminal-context"
import { STATEMENT_FIELDS, statementView } from "./statement-view"
import { StatementsQuery } from "./validators"

const MAX_DAYS = 93
const DEFAULT_DAYS = 31
const DAY_MS = 24 * 3600 * 1000
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS
const daysBefore = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10)

/** This terminal's merchant's settlement statements (one per business day), newest first. */
export async function GET(req: TerminalRequest, res: MedusaResponse) {
  const query = parseTerminalInput(StatementsQuery, req.query, res)
  if (!query) return
  const terminal = requireTerminal(req)
  const to = query.to ?? shanghaiDate(new Date())
  const from = query.from ?? daysBefore(to, DEFAULT_DAYS - 1)
  if (from > to) return sendTerminalError(res, "invalid_request", "from must not be after to.")
  if (dayNumber(to) - dayNumber(from) + 1 > MAX_DAYS) return sendTerminalError(res, "invalid_request", `At most ${MAX_DAYS} days at a time.`)

  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const batches = await settlement.listSettlementBatches(
    { merchant_id: terminal.merchant_id, business_date: { $gte: from, $lte: to } } as any,
    { select: STATEMENT_FIELDS, order: { business_date: "DESC" }, take: MAX_DAYS }
  )
  res.locals.terminalResult = "ok"
  res.json({ statements: batches.map(statementView) })
}
