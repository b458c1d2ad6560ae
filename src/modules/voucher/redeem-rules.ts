import { TerminalErrorCode } from "./terminal-errors"

export type VoucherRow = {
  id: string
  merchant_id: string
  status: string
  usage: string
  balance: number
  face_value: number
  valid_from: Date | null
  expires_at: Date | null
  allowed_store_ids: { ids?: string[] } | null
  allowed_weekdays: { days?: number[] } | null
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant on the Asia/Shanghai calendar. */
export function shanghaiWeekday(at: Date): number {
  const d = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCDay()
  return d === 0 ? 7 : d
}

/** [start, end) of the Asia/Shanghai calendar day "YYYY-MM-DD". */
export function shanghaiDayRange(day: string): [Date, Date] {
  const start = new Date(`${day}T00:00:00+08:00`)
  return [start, new Date(start.getTime() + 24 * 60 * 60 * 1000)]
}

export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Why this voucher cannot be redeemed at this store now, or null when it can. */
export function redeemBlocker(v: VoucherRow, storeId: string, now: Date): { code: TerminalErrorCode; message: string } | null {
  if (v.status === "refunded") return { code: "voucher_refunded", message: "This voucher was refunded." }
  if (v.status === "void") return { code: "voucher_not_found", message: "No voucher with this code." }
  if (v.status === "redeemed" || v.balance <= 0) return { code: "voucher_already_redeemed", message: "This voucher has already been used." }
  if (v.status === "expired" || (v.expires_at && new Date(v.expires_at) <= now)) return { code: "voucher_expired", message: "This voucher has expired." }
  if (v.valid_from && new Date(v.valid_from) > now) return { code: "voucher_not_yet_valid", message: `Valid from ${new Date(v.valid_from).toISOString()}.` }
  const stores = v.allowed_store_ids?.ids ?? []
  if (stores.length && !stores.includes(storeId)) return { code: "not_valid_at_this_store", message: "This voucher cannot be used at this store." }
  const days = v.allowed_weekdays?.days ?? []
  if (days.length && !days.includes(shanghaiWeekday(now))) return { code: "voucher_not_yet_valid", message: `Valid only on weekdays ${days.join(", ")} (1 = Monday).` }
  return null
}

/** The amount a redemption takes: the whole balance for single-use, the asked amount for stored value. */
export function redeemAmount(v: VoucherRow, requested: number | undefined): { amount: number } | { code: TerminalErrorCode; message: string } {
  if (v.usage === "single_use") {
    if (requested !== undefined && requested !== v.balance) {
      return { code: "invalid_request", message: "A single-use voucher is redeemed whole; omit amount." }
    }
    return { amount: v.balance }
  }
  if (requested === undefined) return { code: "invalid_request", message: "amount (in fen) is required for a stored-value voucher." }
  if (requested > v.balance) return { code: "insufficient_balance", message: `Only ${v.balance} fen left on this voucher.` }
  return { amount: requested }
}
