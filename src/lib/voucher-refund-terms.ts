import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Scenes with their own refund rules (a film's start, a departure's cancellation tiers) answer for
 * their voucher kind here; every other kind refunds its whole unused value.
 */
export type RefundableVoucher = {
  id: string
  kind: string
  details: Record<string, any> | null
  valid_from: Date | string | null
  expires_at: Date | string | null
  order_id: string | null
  line_item_id: string | null
}

/** `percent` of the unused value goes back (0–100); `code` + `message` refuse the refund. */
export type RefundTermsAnswer = { percent: number } | { code: string; message: string }

export type VoucherKindRefundTerms = {
  refundTerms(voucher: RefundableVoucher, now: Date, container: MedusaContainer): Promise<RefundTermsAnswer>
  /** After the money moved: give back what the voucher held (seats, places). Must be idempotent. */
  afterRefund?(container: MedusaContainer, voucher: RefundableVoucher): Promise<void>
}

const TERMS_BY_KIND: Record<string, VoucherKindRefundTerms> = {
  get movie() { return require("../modules/cinema/refund-terms") as VoucherKindRefundTerms }, // eslint-disable-line @typescript-eslint/no-require-imports
  get travel() { return require("../modules/travel/refund-terms") as VoucherKindRefundTerms }, // eslint-disable-line @typescript-eslint/no-require-imports
}

export function refundTermsFor(kind: string): VoucherKindRefundTerms | null {
  return TERMS_BY_KIND[kind] ?? null
}

/** The share of a voucher's unused value a percentage gives back, as an exact fraction of its face value. */
export function refundFraction(balanceFen: number, faceValueFen: number, percent: number) {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new Error(`refund percent must be an integer 0–100, got ${percent}`)
  return { numerator: balanceFen * percent, denominator: faceValueFen * 100 }
}
