const DAY_MS = 24 * 60 * 60 * 1000

/** When a voucher bought at `purchasedAt` under this template becomes valid and expires. */
export function voucherValidity(
  t: { validity_type: string; valid_from?: Date | string | null; valid_until?: Date | string | null; valid_days?: number | null },
  purchasedAt: Date
): { valid_from: Date | null; expires_at: Date | null } {
  if (t.validity_type === "fixed") {
    return { valid_from: t.valid_from ? new Date(t.valid_from) : null, expires_at: t.valid_until ? new Date(t.valid_until) : null }
  }
  const days = t.valid_days ?? 365
  return { valid_from: null, expires_at: new Date(purchasedAt.getTime() + days * DAY_MS) }
}
