import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { notFound, redirect } from "next/navigation"
import { formatDate, OrderDetails, orderStatusLabel } from "@/components/order-summary"
import { ErrorState } from "@/components/states"
import { isUsableStatus, VoucherStatusBadge } from "@/components/voucher-bits"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import { retrieveCustomer, retrieveOrder } from "@/lib/medusa/customer"
import { isNotFound, readableError } from "@/lib/medusa/errors"
import { retrieveOrderPoints, type PointsEntry } from "@/lib/medusa/rights"
import { listWalletVouchers, sortVouchers, type WalletVoucher } from "@/lib/medusa/wallet"
import { formatMoney } from "@/lib/money"
import { rightsCredits } from "@/lib/rights/credits"
import { formatPoints } from "@/lib/rights/messages"
import { OrderTracking } from "../../../order/order-tracking"
import { OrderVoucherRefund } from "./order-voucher-refund"

type Props = { params: Promise<{ id: string }> }

export const generateMetadata = titleMetadata("account.orders")

export default async function AccountOrderPage({ params }: Props) {
  const { id } = await params
  const { locale, t } = await getI18n()
  let customer: HttpTypes.StoreCustomer | undefined
  let order: HttpTypes.StoreOrder | undefined
  try {
    customer = await retrieveCustomer()
    if (customer) order = await retrieveOrder(id)
  } catch (error) {
    if (isNotFound(error)) notFound()
    return <ErrorState title={t("common.errorTitle")} body={t("order.notFound")} detail={readableError(error)} />
  }
  if (!customer) redirect("/account/login")
  // Only the customer's own orders are shown under /account.
  if (!order || (order.customer_id && order.customer_id !== customer.id)) notFound()

  const isVoucherOrder = (order.items ?? []).some((item) => item.requires_shipping === false)
  // The order's vouchers, from the wallet; each links to its page, where it can be refunded.
  let vouchers: WalletVoucher[] | undefined
  let vouchersFailed = false
  if (isVoucherOrder) {
    try {
      vouchers = sortVouchers((await listWalletVouchers())?.filter((v) => v.order_id === order.id) ?? [])
    } catch {
      vouchersFailed = true
    }
  }

  // The order's points, straight from the ledger: used, earned, returned with refunds, taken back.
  const rights = rightsCredits(order)
  const points = await retrieveOrderPoints(order.id).catch(() => undefined)
  const sum = (entries: PointsEntry[] | undefined, kind: string) => (entries ?? []).filter((e) => e.kind === kind).reduce((s, e) => s + e.points, 0)
  const movements = [
    // burns are posted against the cart; the order's points credit line records how many were used
    { key: "used", label: t("order.pointsUsed"), points: rights.pointsUsed || -sum(points, "burn"), sign: "−" },
    { key: "earned", label: t("order.pointsEarned"), points: sum(points, "earn"), sign: "+" },
    { key: "returned", label: t("order.pointsReturned"), points: sum(points, "refund"), sign: "+" },
    { key: "clawed-back", label: t("order.pointsClawedBack"), points: -sum(points, "clawback"), sign: "−" },
  ].filter((m) => m.points > 0)
  const showPayment = rights.any || movements.length > 0

  return (
    <div className="order-page" data-testid="order-detail">
      <Link href="/account" className="back-link">
        ← {t("account.backToAccount")}
      </Link>
      <section className="card form-section">
        <div className="order-head">
          <h1 className="page-title">
            {t("order.number")} <span data-testid="order-display-id">#{order.display_id}</span>
          </h1>
          <span className={`status status-${order.status}`}>{orderStatusLabel(order.status, t)}</span>
        </div>
        <p className="muted small">
          {t("order.date")}: {formatDate(order.created_at, locale)}
        </p>
      </section>
      {isVoucherOrder ? (
        <section className="card form-section" data-testid="order-voucher-list">
          <h2 className="form-section-title">{t("order.vouchers")}</h2>
          {vouchers?.length ? (
            <ul className="order-vouchers">
              {vouchers.map((v) => (
                <li key={v.id} className="order-voucher-item">
                  <Link
                    href={`/account/vouchers/${encodeURIComponent(v.id)}`}
                    className="order-voucher"
                    data-testid="order-voucher"
                    data-voucher-id={v.id}
                    data-status={v.status}
                  >
                    <span className="order-voucher-main">
                      <strong>{v.title}</strong>
                      <span className="muted small">
                        {t("wallet.balanceOf", { balance: formatMoney(v.balance, locale), face: formatMoney(v.face_value, locale) })}
                      </span>
                    </span>
                    <span className="order-voucher-side">
                      <VoucherStatusBadge status={v.status} t={t} />
                      {isUsableStatus(v.status) ? <span className="muted small">{t("order.voucherRefundable")} ›</span> : null}
                    </span>
                  </Link>
                  {/* always mounted: after the refund the page refreshes and the result stays on screen */}
                  <OrderVoucherRefund voucherId={v.id} refundable={isUsableStatus(v.status)} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{vouchersFailed ? t("order.vouchersUnavailable") : t("order.vouchersNone")}</p>
          )}
        </section>
      ) : null}
      {isVoucherOrder ? (
        <Link href={`/account/vouchers?order=${encodeURIComponent(order.id)}`} className="btn btn-outline" data-testid="order-view-vouchers">
          {t("order.viewVouchers")}
        </Link>
      ) : null}
      {showPayment ? (
        <section className="card form-section" data-testid="order-payment">
          <h2 className="form-section-title">{t("order.payment")}</h2>
          <dl className="totals">
            <div>
              <dt>{t("order.paidCash")}</dt>
              <dd data-testid="order-paid-cash">{formatMoney(order.total, locale)}</dd>
            </div>
            {rights.benefit > 0 ? (
              <div>
                <dt>{t("rights.benefitDiscount")}</dt>
                <dd data-testid="order-paid-benefit">{formatMoney(rights.benefit, locale)}</dd>
              </div>
            ) : null}
            {rights.points > 0 ? (
              <div>
                <dt>{t("rights.pointsDeduction")}</dt>
                <dd data-testid="order-paid-points">{formatMoney(rights.points, locale)}</dd>
              </div>
            ) : null}
            {movements.map((m) => (
              <div key={m.key} className="order-points-row">
                <dt>{m.label}</dt>
                <dd data-testid={`order-points-${m.key}`} data-points={m.points}>
                  {m.sign}
                  {formatPoints(m.points, locale)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <OrderTracking orderId={order.id} shipsGoods={(order.items ?? []).some((item) => item.requires_shipping !== false)} />
      <OrderDetails order={order} locale={locale} t={t} />
    </div>
  )
}
