import type { MedusaContainer } from "@medusajs/framework/types"
import type { RefundableVoucher, RefundTermsAnswer } from "../../lib/voucher-refund-terms"
import { CINEMA_MODULE } from "./index"
import type CinemaModuleService from "./service"

/** Tickets refund in full until this many minutes before the showtime starts; then not at all. */
export function refundCutoffMinutes() {
  const v = Number(process.env.CINEMA_REFUND_CUTOFF_MINUTES)
  return Number.isFinite(v) && v >= 0 ? v : 120
}

export async function refundTerms(voucher: RefundableVoucher, now: Date): Promise<RefundTermsAnswer> {
  const startsAt = voucher.details?.starts_at ? new Date(voucher.details.starts_at) : null
  if (!startsAt || Number.isNaN(startsAt.getTime())) return { percent: 100 }
  const cutoff = refundCutoffMinutes()
  if (now.getTime() > startsAt.getTime() - cutoff * 60_000) {
    return {
      code: "refund_window_closed",
      message: `Tickets can be refunded until ${cutoff / 60} h before the showtime starts.`,
    }
  }
  return { percent: 100 }
}

/** The refunded ticket's seat goes back on sale (idempotent: a second call finds no booking). */
export async function afterRefund(container: MedusaContainer, voucher: RefundableVoucher) {
  const d = voucher.details
  if (!d?.showtime_id || !d?.seat_id || !voucher.order_id) return
  const cinema: CinemaModuleService = container.resolve(CINEMA_MODULE)
  await cinema.releaseBooking({ showtime_id: d.showtime_id, seat_id: d.seat_id, order_id: voucher.order_id })
}
