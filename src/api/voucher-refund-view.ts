import { fenToMajor } from "../lib/money"

/** A voucher refund as the store and admin routes answer it: cash in yuan, points as points. */
export function voucherRefundView(result: { voucher_id: string; order_id: string; refund_fen: number; points_refunded: number; points_clawed_back: number; quota_restored: boolean }) {
  return {
    voucher_id: result.voucher_id,
    order_id: result.order_id,
    amount: fenToMajor(result.refund_fen),
    currency_code: "cny",
    points_refunded: result.points_refunded,
    points_clawed_back: result.points_clawed_back,
    quota_restored: result.quota_restored,
  }
}
