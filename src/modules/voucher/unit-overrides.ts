/**
 * What a scene (cinema seat, travel place) says about the vouchers of one order line, from the
 * line item's `metadata.voucher`: its own validity window and details. `details.units[i]`, when
 * present, is merged over the shared details for unit i, so one line can carry several travellers.
 */
export type VoucherLineOverrides = { valid_from?: string; expires_at?: string; details?: Record<string, unknown> }

export function unitOverrides(
  metadata: Record<string, any> | null | undefined,
  unitIndex: number
): { valid_from?: Date; expires_at?: Date; details: Record<string, unknown> | null } {
  const o = metadata?.voucher as VoucherLineOverrides | undefined
  if (!o || typeof o !== "object") return { details: null }
  const date = (s?: string) => {
    if (typeof s !== "string") return undefined
    const d = new Date(s)
    return Number.isNaN(d.getTime()) ? undefined : d
  }
  let details: Record<string, unknown> | null = null
  if (o.details && typeof o.details === "object") {
    const { units, ...shared } = o.details as Record<string, unknown> & { units?: unknown }
    const unit = Array.isArray(units) && units[unitIndex] && typeof units[unitIndex] === "object" ? (units[unitIndex] as Record<string, unknown>) : {}
    details = { ...shared, ...unit }
  }
  return { valid_from: date(o.valid_from), expires_at: date(o.expires_at), details }
}
