// The admin's one conversion between what an operator types (yuan, "88.50") and what the voucher
// API stores (integer fen, 8850). Strings in, strings out: no floating-point arithmetic anywhere.

const YUAN = /^(\d{1,8})(?:\.(\d{0,2}))?$/

/** "88", "88.5", "88.50", "¥1,288.00" → 8850 … ; null when it is not a yuan amount with at most 2 decimals. */
export function yuanToFen(input: string): number | null {
  const text = input.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "")
  const m = YUAN.exec(text)
  if (!m) return null
  return Number(`${m[1]}${(m[2] ?? "").padEnd(2, "0")}`)
}

/** 8850 → "88.50", 10000 → "100" (for editing: no trailing ".00"). */
export function fenToYuanInput(fen: number): string {
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, "0")
  const yuan = `${digits.slice(0, -2)}`
  const cents = digits.slice(-2)
  return `${fen < 0 ? "-" : ""}${yuan}${cents === "00" ? "" : `.${cents}`}`
}

/** 8850 → "¥88.50" (for display). */
export function formatFen(fen: number): string {
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, "0")
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return `${fen < 0 ? "-" : ""}¥${yuan}.${digits.slice(-2)}`
}
