import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { notFound } from "next/navigation"
import { CheckIcon, TicketIcon } from "@/components/icons"
import { formatDate, OrderDetails } from "@/components/order-summary"
import { ErrorState } from "@/components/states"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import { retrieveOrder } from "@/lib/medusa/customer"
import { isNotFound, readableError } from "@/lib/medusa/errors"
import { getAuthToken } from "@/lib/medusa/session"
import { OrderTracking } from "../../order-tracking"

type Props = { params: Promise<{ id: string }> }

export const generateMetadata = titleMetadata("order.confirmedTitle")

export default async function OrderConfirmedPage({ params }: Props) {
  const { id } = await params
  const { locale, t } = await getI18n()
  let order: HttpTypes.StoreOrder
  try {
    order = await retrieveOrder(id)
  } catch (error) {
    if (isNotFound(error)) notFound()
    return <ErrorState title={t("common.errorTitle")} body={t("order.notFound")} detail={readableError(error)} />
  }
  const loggedIn = Boolean(await getAuthToken())
  // Items that need no shipping are vouchers (meal, movie, travel): they go to the wallet.
  const hasVouchers = (order.items ?? []).some((item) => item.requires_shipping === false)

  return (
    <div className="confirmed-page" data-testid="order-confirmed">
      <section className="confirmed-hero">
        <span className="confirmed-check" aria-hidden="true">
          <CheckIcon size={34} />
        </span>
        <h1 className="page-title">{t("order.confirmedTitle")}</h1>
        <p className="muted">{t("order.confirmedBody", { email: order.email ?? "" })}</p>
        <p className="order-number">
          {t("order.number")} <strong data-testid="order-display-id">#{order.display_id}</strong>
        </p>
        <p className="muted small">{formatDate(order.created_at, locale)}</p>
      </section>
      {hasVouchers ? (
        <section className="card confirmed-vouchers" data-testid="order-vouchers">
          <TicketIcon size={28} className="muted" />
          <p>{loggedIn ? t("order.vouchersIssued") : t("order.vouchersLogin")}</p>
          <Link
            href={loggedIn ? `/account/vouchers?order=${encodeURIComponent(order.id)}` : "/account/login?next=/account/vouchers"}
            className="btn btn-primary btn-small"
            data-testid="view-vouchers"
          >
            {t("order.viewVouchers")}
          </Link>
        </section>
      ) : null}
      <OrderTracking orderId={order.id} shipsGoods={(order.items ?? []).some((item) => item.requires_shipping !== false)} />
      <OrderDetails order={order} locale={locale} t={t} />
      <div className="button-row">
        {loggedIn ? (
          <Link href="/account" className="btn btn-outline" data-testid="view-orders">
            {t("order.viewOrders")}
          </Link>
        ) : null}
        <Link href="/" className="btn btn-primary">
          {t("order.continue")}
        </Link>
      </div>
    </div>
  )
}
