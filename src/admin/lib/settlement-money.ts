import { formatFen } from "./yuan"

// Settlement amounts arrive in yuan (the admin API's major unit, e.g. 201.1). They are turned into
// fen through their decimal text, never by multiplying floats, then shown like every other amount.

/** 201.1 → 20110; null for anything that is not yuan with at most two decimals. */
export function yuanNumberToFen(amount: number): number | null {
  if (!Number.isFinite(amount)) return null
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.toString())
  if (!m) return null
  const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"))
  return m[1] ? -fen : fen
}

/** 201.1 → "¥201.10"; "–" when there is nothing to show. */
export function formatYuan(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return "–"
  const fen = yuanNumberToFen(amount)
  return fen === null ? String(amount) : formatFen(fen)
}
