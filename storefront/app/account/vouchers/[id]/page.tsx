import Link from "next/link"
import { notFound, redirect } from "next/navigation"
import { PinIcon, StoreIcon } from "@/components/icons"
import { QrCode } from "@/components/qr-code"
import { ErrorState } from "@/components/states"
import { formatDay, isUsableStatus, kindLabel, VoucherStatusBadge } from "@/components/voucher-bits"
import { formatDate } from "@/components/order-summary"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import type { MessageKey } from "@/lib/i18n/translate"
import { readableError } from "@/lib/medusa/errors"
import { retrieveOrder } from "@/lib/medusa/customer"
import { retrieveWalletVoucher, type WalletLookup, type WalletVoucherDetail } from "@/lib/medusa/wallet"
import { formatMoney } from "@/lib/money"
import { groupVoucherCode, QR_PREFIX } from "@/lib/vouchers/format"
import { rightsCredits } from "@/lib/rights/credits"
import { refundEstimate, voucherUnitPrice } from "@/lib/vouchers/refund"
import { VoucherRefund } from "./voucher-refund"
import { SeatTicket } from "@/components/seat-ticket"
import { TravelVoucherDetails } from "@/components/travel-voucher-details"

export const generateMetadata = titleMetadata("wallet.title")

type Props = { params: Promise<{ id: string }> }

type RefundInfo = { estimate: number | null; proRata: { paid: number; balance: number; face: number } | null; rightsPaid?: boolean }

/** The refund the backend will make, from the order line's unit price; no figure if it isn't at hand. */
async function refundInfo(v: WalletVoucherDetail): Promise<RefundInfo> {
  if (!v.order_id) return { estimate: null, proRata: null }
  try {
    const order = await retrieveOrder(v.order_id)
    // points or a benefit paid part of the order: the cash refund is not the line's price
    if (rightsCredits(order).any) return { estimate: null, proRata: null, rightsPaid: true }
    const paid = voucherUnitPrice(order.items, v.title)
    const estimate = refundEstimate(paid, v.balance, v.face_value)
    const partly = estimate !== null && v.balance < v.face_value
    return { estimate, proRata: partly ? { paid: Number(paid), balance: v.balance, face: v.face_value } : null }
  } catch {
    return { estimate: null, proRata: null }
  }
}

export default async function VoucherPage({ params }: Props) {
  const { id } = await params
  const { locale, t } = await getI18n()
  let result: WalletLookup
  try {
    result = await retrieveWalletVoucher(id)
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} />
  }
  if (result.kind === "logged_out") redirect(`/account/login?next=${encodeURIComponent(`/account/vouchers/${id}`)}`)
  if (result.kind === "not_found") notFound()
  const v = result.voucher
  const usable = isUsableStatus(v.status)
  const qrValue = v.qr_payload || (v.code ? `${QR_PREFIX}${v.code}` : "")
  const usageKey = `wallet.usage.${v.usage}` as MessageKey
  const usage = t(usageKey) === usageKey ? "" : t(usageKey)
  const refundable = Boolean(v.order_id) && usable
  const refund = refundable ? await refundInfo(v) : { estimate: null, proRata: null }
  const share = v.face_value > 0 ? Math.max(0, Math.min(100, Math.round((v.balance / v.face_value) * 100))) : 0

  return (
    <div className="voucher-page" data-testid="voucher-detail" data-voucher-id={v.id}>
      <Link href="/account/vouchers" className="back-link">
        ← {t("wallet.backToList")}
      </Link>

      <section className={`voucher-ticket card${usable ? "" : " is-spent"}`}>
        <div className="voucher-ticket-head">
          <span className="chip">{kindLabel(v.kind, t)}</span>
          <VoucherStatusBadge status={v.status} t={t} testId="voucher-status" />
        </div>
        <h1 className="voucher-ticket-title">{v.title}</h1>
        {v.merchant ? (
          <p className="voucher-ticket-merchant">
            <StoreIcon size={15} /> {v.merchant.name}
          </p>
        ) : null}

        <div className="voucher-qr-wrap">
          {qrValue ? <QrCode value={qrValue} label={t("wallet.qrLabel")} className="voucher-qr" testId="voucher-qr" /> : null}
          {!usable ? <span className="voucher-qr-overlay">{t("wallet.qrInactive")}</span> : null}
        </div>
        <p className="muted small voucher-qr-hint">{usable ? t("wallet.showAtCounter") : t("wallet.qrInactive")}</p>
        <p className="voucher-code" aria-label={t("wallet.code")}>
          <span className="visually-hidden">{t("wallet.code")}: </span>
          <span data-testid="voucher-code">{groupVoucherCode(v.code)}</span>
        </p>

        <div className="voucher-ticket-tear" aria-hidden="true" />

        <dl className="voucher-facts">
          <div>
            <dt>{t("wallet.balanceLeft")}</dt>
            <dd className="voucher-facts-balance" data-testid="voucher-balance">
              {formatMoney(v.balance, locale)}
            </dd>
            <dd className="muted small">{t("wallet.faceValue", { face: formatMoney(v.face_value, locale) })}</dd>
          </div>
          <div>
            <dt>{v.expires_at ? t("wallet.validUntil") : t("wallet.noExpiry")}</dt>
            <dd>{v.expires_at ? formatDay(v.expires_at, locale) : "—"}</dd>
            {usage ? <dd className="muted small">{usage}</dd> : null}
          </div>
        </dl>
        <span className="voucher-meter voucher-meter-lg" aria-hidden="true">
          <span style={{ width: `${share}%` }} />
        </span>
      </section>

      <SeatTicket voucher={v} t={t} locale={locale} />
      <TravelVoucherDetails details={v.details} t={t} locale={locale} />

      <section className="card form-section">
        <h2 className="form-section-title">{t("wallet.stores")}</h2>
        {v.stores.length ? (
          <ul className="voucher-stores">
            {v.stores.map((s) => (
              <li key={s.id} data-testid="voucher-store">
                <PinIcon size={16} />
                <span>
                  {s.name}
                  {s.address || s.city ? (
                    <small className="muted">{[s.city, s.address].filter(Boolean).join(" · ")}</small>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t("wallet.allStores")}</p>
        )}
      </section>

      <section className="card form-section">
        <h2 className="form-section-title">{t("wallet.redemptions")}</h2>
        {v.redemptions.length ? (
          <ul className="voucher-history">
            {v.redemptions.map((r) => (
              <li key={r.id} data-testid="voucher-redemption" className={r.reversed_at ? "is-reversed" : undefined}>
                <div className="voucher-history-main">
                  <span>{r.store?.name ?? v.merchant?.name ?? ""}</span>
                  <span className="muted small">{formatDate(r.created_at, locale)}</span>
                </div>
                <div className="voucher-history-side">
                  <span className="voucher-history-amount">−{formatMoney(r.amount, locale)}</span>
                  {r.reversed_at ? <span className="status voucher-status-reversed">{t("wallet.reversed")}</span> : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small" data-testid="voucher-no-redemptions">
            {t("wallet.noRedemptions")}
          </p>
        )}
      </section>

      {v.order_id ? (
        <VoucherRefund voucherId={v.id} refundable={refundable} estimate={refund.estimate} proRata={refund.proRata} rightsPaid={refund.rightsPaid} />
      ) : null}

      {v.order_id ? (
        <Link href={`/account/orders/${encodeURIComponent(v.order_id)}`} className="btn btn-ghost voucher-order-link">
          {t("wallet.viewOrder")}
        </Link>
      ) : null}
    </div>
  )
}
