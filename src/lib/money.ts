// The one place that converts between fen (integers: terminal API, ledgers, voucher balances)
// and the major-unit numbers of Medusa's store and admin APIs (¥88 → 88).
export function fenToMajor(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new Error(`fen must be an integer, got ${fen}`)
  return fen / 100
}

/** "88", "88.5", "88.50" or 88.5 → 8850; more than two decimals is an error, not a rounding. */
export function majorToFen(major: string | number): number {
  const text = typeof major === "number" ? major.toString() : major.trim()
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!m) throw new Error(`not an amount in yuan with at most 2 decimals: ${text}`)
  const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"))
  return m[1] ? -fen : fen
}
