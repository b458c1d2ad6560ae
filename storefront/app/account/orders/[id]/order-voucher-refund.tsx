"use client"

import { useRouter } from "next/navigation"
import { useState, useTransition } from "react"
import { useI18n } from "@/components/i18n-provider"
import { RefundRightsLines } from "@/components/refund-rights"
import { refundVoucher, type RefundActionResult } from "@/lib/actions/wallet"
import { formatMoney } from "@/lib/money"

/** Refund one of the order's vouchers from the order page: button → confirm → what came back. */
export function OrderVoucherRefund({ voucherId, refundable }: { voucherId: string; refundable: boolean }) {
  const { t, locale } = useI18n()
  const router = useRouter()
  const [confirming, setConfirming] = useState(false)
  const [result, setResult] = useState<RefundActionResult | null>(null)
  const [pending, startTransition] = useTransition()

  const submit = () =>
    startTransition(async () => {
      try {
        setResult(await refundVoucher(voucherId))
      } catch {
        setResult({ ok: false, error: t("common.backendDown") })
      }
      setConfirming(false)
      // the voucher's status and the order's points come fresh from the backend
      router.refresh()
    })

  if (result?.ok) {
    return (
      <div className="order-voucher-refund is-done" role="status" data-testid="order-voucher-refund-result" data-voucher-id={voucherId}>
        <strong>{t("wallet.refund.done", { amount: formatMoney(result.amount, locale) })}</strong>
        <RefundRightsLines pointsRefunded={result.pointsRefunded} pointsClawedBack={result.pointsClawedBack} quotaRestored={result.quotaRestored} locale={locale} t={t} />
      </div>
    )
  }
  const failed = result && !result.ok ? result : null
  if (!refundable && !failed) return null
  return (
    <div className="order-voucher-refund">
      {failed ? (
        <p className="form-error form-error-block" role="alert" data-testid="order-voucher-refund-error">
          {failed.error}
        </p>
      ) : null}
      {!refundable ? null : confirming ? (
        <div className="order-voucher-refund-confirm">
          <p className="small">{t("order.refundConfirmBody")}</p>
          <div className="voucher-refund-actions">
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(false)} disabled={pending}>
              {t("wallet.refund.cancel")}
            </button>
            <button type="button" className="btn btn-primary btn-small" onClick={submit} disabled={pending} aria-busy={pending} data-testid="order-voucher-refund-confirm">
              {pending ? t("wallet.refund.submitting") : t("wallet.refund.confirm")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn-outline btn-small" onClick={() => setConfirming(true)} data-testid="order-voucher-refund">
          {t("order.refundVoucher")}
        </button>
      )}
    </div>
  )
}
