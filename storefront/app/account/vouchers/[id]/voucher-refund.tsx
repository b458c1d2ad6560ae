"use client"

import { useState, useTransition } from "react"
import { useI18n } from "@/components/i18n-provider"
import { RefundRightsLines } from "@/components/refund-rights"
import { refundVoucher, type RefundActionResult } from "@/lib/actions/wallet"
import { formatMoney } from "@/lib/money"

type Props = {
  voucherId: string
  /** Still refundable as far as the page knows (bought through an order, active or partly used). */
  refundable: boolean
  /** What will come back, in yuan, when the order line's price is known. */
  estimate: number | null
  /** For a partly used voucher: how the estimate was worked out. */
  proRata: { paid: number; balance: number; face: number } | null
  /** the order used points or a benefit: each part goes back its own way (no single figure here) */
  rightsPaid?: boolean
}

/** Refund button → confirm step (with the amount) → result or a readable refusal. */
export function VoucherRefund({ voucherId, refundable, estimate, proRata, rightsPaid = false }: Props) {
  const { t, locale } = useI18n()
  const [confirming, setConfirming] = useState(false)
  const [result, setResult] = useState<RefundActionResult | null>(null)
  const [pending, startTransition] = useTransition()

  if (result?.ok) {
    return (
      <section className="card form-section voucher-refund is-done" role="status" data-testid="voucher-refund-result">
        <h2 className="form-section-title">{t("wallet.refund.done", { amount: formatMoney(result.amount, locale) })}</h2>
        <RefundRightsLines pointsRefunded={result.pointsRefunded} pointsClawedBack={result.pointsClawedBack} quotaRestored={result.quotaRestored} locale={locale} t={t} />
        <p className="muted small">{t("wallet.refund.doneBody")}</p>
      </section>
    )
  }
  const failed = result && !result.ok ? result : null
  if (!refundable && !failed) return null

  const submit = () =>
    startTransition(async () => {
      try {
        setResult(await refundVoucher(voucherId))
      } catch {
        setResult({ ok: false, error: t("common.backendDown") })
      }
      setConfirming(false)
    })

  return (
    <section className="card form-section voucher-refund" data-testid="voucher-refund-section">
      <h2 className="form-section-title">{t("wallet.refund.title")}</h2>
      {failed ? (
        <div className="form-error-block voucher-refund-error" role="alert" data-testid="voucher-refund-error">
          <p>{failed.error}</p>
          {failed.detail && failed.detail !== failed.error ? <p className="muted small">{failed.detail}</p> : null}
        </div>
      ) : null}
      {refundable && !confirming ? (
        <>
          <p className="muted small">{t("wallet.refund.hint")}</p>
          <button type="button" className="btn btn-outline btn-block" onClick={() => setConfirming(true)} data-testid="voucher-refund">
            {t("wallet.refund.button")}
          </button>
        </>
      ) : null}
      {refundable && confirming ? (
        <div className="voucher-refund-confirm" data-testid="voucher-refund-confirm-step">
          <p className="voucher-refund-amount" data-testid="voucher-refund-estimate">
            {estimate !== null && !rightsPaid ? t("wallet.refund.estimate", { amount: formatMoney(estimate, locale) }) : t("wallet.refund.estimateUnknown")}
          </p>
          {rightsPaid ? <p className="muted small">{t("wallet.refund.rightsHint")}</p> : null}
          {estimate !== null && proRata && !rightsPaid ? (
            <p className="muted small">
              {t("wallet.refund.proRata", {
                paid: formatMoney(proRata.paid, locale),
                balance: formatMoney(proRata.balance, locale),
                face: formatMoney(proRata.face, locale),
              })}
            </p>
          ) : null}
          <p className="muted small">{t("wallet.refund.final")}</p>
          <div className="voucher-refund-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)} disabled={pending} data-testid="voucher-refund-cancel">
              {t("wallet.refund.cancel")}
            </button>
            <button type="button" className="btn btn-primary" onClick={submit} disabled={pending} aria-busy={pending} data-testid="voucher-refund-confirm">
              {pending ? t("wallet.refund.submitting") : t("wallet.refund.confirm")}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}
