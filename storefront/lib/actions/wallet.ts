"use server"

import { revalidatePath } from "next/cache"
import { getI18n } from "@/lib/i18n/server"
import { refundWalletVoucher } from "@/lib/medusa/wallet"

export type RefundActionResult =
  | { ok: true; amount: number; currencyCode: string; pointsRefunded: number; pointsClawedBack: number; quotaRestored: boolean }
  | { ok: false; error: string; detail?: string }

/** The owner refunds one of their vouchers (or its unused balance). Never throws. */
export async function refundVoucher(voucherId: string): Promise<RefundActionResult> {
  const { t } = await getI18n()
  const id = typeof voucherId === "string" ? voucherId.trim() : ""
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return { ok: false, error: t("wallet.notFound") }
  let orderId: string | undefined
  try {
    const result = await refundWalletVoucher(id)
    if (result.kind === "ok") {
      orderId = result.refund.order_id || undefined
      return {
        ok: true,
        amount: result.refund.amount,
        currencyCode: result.refund.currency_code,
        pointsRefunded: result.refund.points_refunded,
        pointsClawedBack: result.refund.points_clawed_back,
        quotaRestored: result.refund.quota_restored,
      }
    }
    if (result.kind === "logged_out") return { ok: false, error: t("wallet.refund.loggedOut") }
    if (result.kind === "not_found") return { ok: false, error: t("wallet.notFound") }
    return { ok: false, error: refusalText(result.message, t), detail: result.message || undefined }
  } catch {
    return { ok: false, error: t("common.backendDown") }
  } finally {
    // The status changed (or someone else changed it): the page and the order page show it fresh.
    revalidatePath(`/account/vouchers/${id}`)
    revalidatePath("/account/vouchers")
    // points and benefit quota come back with the refund
    if (orderId) revalidatePath(`/account/orders/${orderId}`)
    revalidatePath("/account/points")
    revalidatePath("/account/benefits")
  }
}

type T = Awaited<ReturnType<typeof getI18n>>["t"]

/** The backend's reason, in the shopper's language where we know it. */
function refusalText(message: string, t: T): string {
  if (/not bought through an order/i.test(message)) return t("wallet.refund.reason.noOrder")
  if (/non-refundable/i.test(message)) return t("wallet.refund.reason.nonRefundable")
  if (/cannot be refunded/i.test(message)) return t("wallet.refund.reason.status")
  if (/no captured payment/i.test(message)) return t("wallet.refund.reason.noPayment")
  return t("wallet.refund.failed", { message: message || "—" })
}
