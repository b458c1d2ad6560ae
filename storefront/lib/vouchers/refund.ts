// What refunding a voucher gives back, worked out the way the backend does it: the price paid
// for the unit times the unused share of the face value, rounded down to the fen. Integer fen
// only (BigInt for the product), so the estimate shown is the amount that will be refunded.

/** Yuan as the store API sends them (88, 61.6, "88.00") → fen; null for anything else. */
export function yuanToFen(value: unknown): number | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? value.toFixed(2) : "") : typeof value === "string" ? value.trim() : ""
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!m) return null
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"))
  return Number.isSafeInteger(fen) ? fen : null
}

/** price_fen × balance_fen ÷ face_fen, rounded down; null when the amounts don't make sense. */
export function proRataRefundFen(paidFen: number, balanceFen: number, faceFen: number): number | null {
  if (![paidFen, balanceFen, faceFen].every(Number.isSafeInteger)) return null
  if (faceFen <= 0 || paidFen < 0 || balanceFen < 0 || balanceFen > faceFen) return null
  return Number((BigInt(paidFen) * BigInt(balanceFen)) / BigInt(faceFen))
}

/** The refund estimate in yuan (major units, for formatMoney), or null when it can't be worked out. */
export function refundEstimate(unitPrice: unknown, balance: unknown, faceValue: unknown): number | null {
  const paid = yuanToFen(unitPrice)
  const bal = yuanToFen(balance)
  const face = yuanToFen(faceValue)
  if (paid === null || bal === null || face === null) return null
  const fen = proRataRefundFen(paid, bal, face)
  return fen === null ? null : fen / 100
}

type OrderLine = { title?: string | null; product_title?: string | null; unit_price?: unknown; requires_shipping?: boolean | null }

/**
 * The unit price of the order line a voucher came from. The wallet doesn't say which line that
 * is, so: a voucher line with the voucher's title, else the single price all voucher lines share;
 * null when it's ambiguous (the page then says the unused share will be refunded, without a figure).
 */
export function voucherUnitPrice(items: OrderLine[] | null | undefined, voucherTitle: string): unknown {
  const lines = (items ?? []).filter((i) => i && i.requires_shipping === false)
  const candidates = lines.length ? lines : items ?? []
  const byTitle = candidates.filter((i) => voucherTitle && (i.product_title === voucherTitle || i.title === voucherTitle))
  const pick = byTitle.length ? byTitle : candidates
  const prices = [...new Set(pick.map((i) => yuanToFen(i.unit_price)))]
  if (prices.length !== 1 || prices[0] === null) return null
  return prices[0] / 100
}
