/**
 * What refunding a voucher gives back, in fen: the price paid for the unit times the share of the
 * face value still unused, rounded down; the fen lost to rounding stays with the platform.
 * BigInt keeps price × balance exact beyond 2^53.
 */
export function proRataRefundFen(paidFen: number, balanceFen: number, faceValueFen: number): number {
  if (![paidFen, balanceFen, faceValueFen].every(Number.isSafeInteger)) throw new Error("amounts must be integer fen")
  if (faceValueFen <= 0 || balanceFen < 0 || balanceFen > faceValueFen || paidFen < 0) throw new Error("inconsistent voucher amounts")
  return Number((BigInt(paidFen) * BigInt(balanceFen)) / BigInt(faceValueFen))
}
