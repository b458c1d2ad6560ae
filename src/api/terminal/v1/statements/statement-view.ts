import type { MedusaResponse } from "@medusajs/framework/http"

// What a merchant sees of its settlement batch over the terminal API: amounts in integer fen (§5).
export type TerminalStatement = {
  id: string
  business_date: string
  status: string
  line_count: number
  gross_amount: number
  commission_amount: number
  merchant_funded_amount: number
  net_amount: number
  currency_code: string
}

export const STATEMENT_FIELDS = [
  "id", "merchant_id", "business_date", "status", "line_count", "gross_amount", "commission_amount",
  "merchant_funded_amount", "net_amount", "currency_code",
]

export function statementView(b: Record<string, any>): TerminalStatement {
  return {
    id: b.id,
    business_date: b.business_date,
    status: b.status,
    line_count: Number(b.line_count ?? 0),
    gross_amount: Number(b.gross_amount ?? 0),
    commission_amount: Number(b.commission_amount ?? 0),
    merchant_funded_amount: Number(b.merchant_funded_amount ?? 0),
    net_amount: Number(b.net_amount ?? 0),
    currency_code: b.currency_code ?? "cny",
  }
}

/** Another merchant's statement answers exactly like one that does not exist. */
export function sendStatementNotFound(res: MedusaResponse) {
  res.locals.terminalResult = "statement_not_found"
  res.status(404).json({ code: "statement_not_found", message: "No such statement for this merchant." })
}
