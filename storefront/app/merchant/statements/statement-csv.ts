import type { TerminalStatement, TerminalStatementLine } from "@palmlife/terminal-client"

// A statement's lines as CSV, each amount twice: integer fen (what the ledger counts) and yuan
// (what people read). Yuan come from the fen digits, never from dividing floats.

/** 20110 → "201.10", -350 → "-3.50" */
export function fenToYuanText(fen: number): string {
  const value = Math.trunc(fen)
  const abs = Math.abs(value)
  return `${value < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value)
  // quote what would break a row, and keep spreadsheets from reading a cell as a formula
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const STATEMENT_CSV_HEADER = [
  "business_date", "line_id", "kind", "event_date", "order_id", "voucher_id",
  "gross_fen", "gross_yuan", "commission_fen", "commission_yuan",
  "merchant_funded_fen", "merchant_funded_yuan", "net_fen", "net_yuan", "created_at",
]

export function statementCsv(statement: TerminalStatement, lines: TerminalStatementLine[]): string {
  const rows = lines.map((l) => [
    statement.business_date, l.id, l.kind, l.business_date, l.order_id, l.voucher_id,
    l.gross, fenToYuanText(l.gross), l.commission, fenToYuanText(l.commission),
    l.merchant_funded, fenToYuanText(l.merchant_funded), l.net, fenToYuanText(l.net), l.created_at,
  ])
  const total = [
    statement.business_date, "total", "", "", "", "",
    statement.gross_amount, fenToYuanText(statement.gross_amount), statement.commission_amount, fenToYuanText(statement.commission_amount),
    statement.merchant_funded_amount, fenToYuanText(statement.merchant_funded_amount), statement.net_amount, fenToYuanText(statement.net_amount), "",
  ]
  return [STATEMENT_CSV_HEADER, ...rows, total].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n"
}
