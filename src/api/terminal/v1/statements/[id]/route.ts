import type { MedusaResponse } from "@medusajs/framework/http"
import { SETTLEMENT_MODULE } from "../../../../../modules/settlement"
import type SettlementModuleService from "../../../../../modules/settlement/service"
import { parseTerminalInput } from "../../parse-terminal-input"
import { requireTerminal, TerminalRequest } from "../../terminal-context"
import { sendStatementNotFound, STATEMENT_FIELDS, statementView } from "../statement-view"
import { StatementLinesQuery, StatementParams } from "../validators"

const DEFAULT_LIMIT = 200

/** One statement of this terminal's merchant with its lines in fen, keyset-paged (`after` = last line id). */
export async function GET(req: TerminalRequest, res: MedusaResponse) {
  const params = parseTerminalInput(StatementParams, req.params, res)
  if (!params) return
  const query = parseTerminalInput(StatementLinesQuery, req.query, res)
  if (!query) return
  const terminal = requireTerminal(req)
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  // the merchant is part of the lookup: another merchant's id finds nothing, like an unknown one
  const [batch] = await settlement.listSettlementBatches({ id: params.id, merchant_id: terminal.merchant_id }, { select: STATEMENT_FIELDS, take: 1 })
  if (!batch) return sendStatementNotFound(res)

  const limit = query.limit ?? DEFAULT_LIMIT
  const lines = await settlement.listBatchLines({ merchant_id: batch.merchant_id, business_date: batch.business_date }, limit + 1, query.after)
  const page = lines.slice(0, limit)
  res.locals.terminalResult = "ok"
  res.json({
    statement: statementView(batch),
    lines: page.map((l: any) => ({
      id: l.id,
      kind: l.kind,
      business_date: l.business_date,
      order_id: l.order_id ?? null,
      voucher_id: l.voucher_id ?? null,
      source_id: l.source_id ?? null,
      gross: l.gross,
      commission: l.commission,
      merchant_funded: l.merchant_funded,
      net: l.net,
      created_at: l.created_at instanceof Date ? l.created_at.toISOString() : l.created_at,
    })),
    next_after: lines.length > limit ? page[page.length - 1].id : null,
  })
}
