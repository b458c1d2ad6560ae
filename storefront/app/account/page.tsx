import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { redirect } from "next/navigation"
import { ChevronRightIcon, CoinIcon, GiftIcon, TicketIcon, UserIcon } from "@/components/icons"
import { formatDate, orderStatusLabel } from "@/components/order-summary"
import { EmptyState, ErrorState } from "@/components/states"
import { logout } from "@/lib/actions/auth"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import { listOrders, retrieveCustomer } from "@/lib/medusa/customer"
import { readableError } from "@/lib/medusa/errors"
import { retrieveCustomerRights } from "@/lib/medusa/rights"
import { listWalletVouchers } from "@/lib/medusa/wallet"
import { formatMoney } from "@/lib/money"
import { formatPoints } from "@/lib/rights/messages"

export const generateMetadata = titleMetadata("account.title")

export default async function AccountPage() {
  const { locale, t } = await getI18n()
  let customer: HttpTypes.StoreCustomer | undefined
  let orders: HttpTypes.StoreOrder[] = []
  try {
    customer = await retrieveCustomer()
    if (customer) orders = await listOrders()
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} />
  }
  if (!customer) redirect("/account/login")
  // The wallet count is a nicety: the account page still works when the wallet can't be read.
  const usableVouchers = await listWalletVouchers()
    .then((vouchers) => vouchers?.filter((v) => v.status === "active" || v.status === "partially_redeemed").length)
    .catch(() => undefined)
  const rights = await retrieveCustomerRights().catch(() => undefined)

  const name =
    (locale === "zh-CN"
      ? [customer.last_name, customer.first_name].filter(Boolean).join("")
      : [customer.first_name, customer.last_name].filter(Boolean).join(" ")) || customer.email

  return (
    <div className="account-page" data-testid="account-page">
      <section className="account-hero">
        <span className="avatar" aria-hidden="true">
          <UserIcon size={30} />
        </span>
        <div className="account-hero-text">
          <h1 className="page-title" data-testid="account-greeting">
            {t("account.greeting", { name })}
          </h1>
          <p className="muted">{customer.email}</p>
        </div>
        <form action={logout}>
          <button type="submit" className="btn btn-ghost" data-testid="logout">
            {t("account.logout")}
          </button>
        </form>
      </section>

      <Link href="/account/vouchers" className="account-vouchers-link" data-testid="account-vouchers-link">
        <span className="account-vouchers-icon" aria-hidden="true">
          <TicketIcon size={24} />
        </span>
        <span className="account-vouchers-text">
          <strong>{t("account.vouchersLink")}</strong>
          <span>{t("account.vouchersHint")}</span>
        </span>
        {usableVouchers ? <span className="account-vouchers-count">{t("account.vouchersCount", { count: usableVouchers })}</span> : null}
        <ChevronRightIcon size={18} />
      </Link>

      <div className="account-rights-links">
        <Link href="/account/points" className="account-rights-link card" data-testid="account-points-link">
          <span className="account-rights-icon" aria-hidden="true">
            <CoinIcon size={22} />
          </span>
          <span className="account-rights-text">
            <strong>{t("account.pointsLink")}</strong>
            <span data-testid="account-points-balance">
              {rights ? t("account.pointsHint", { balance: formatPoints(rights.points.balance, locale) }) : t("account.rightsHint")}
            </span>
          </span>
          <ChevronRightIcon size={16} />
        </Link>
        <Link href="/account/benefits" className="account-rights-link card" data-testid="account-benefits-link">
          <span className="account-rights-icon" aria-hidden="true">
            <GiftIcon size={22} />
          </span>
          <span className="account-rights-text">
            <strong>{t("account.benefitsLink")}</strong>
            <span>{rights ? t("account.benefitsHint", { count: rights.benefits.length }) : t("account.rightsHint")}</span>
          </span>
          <ChevronRightIcon size={16} />
        </Link>
      </div>

      <section>
        <h2 className="section-title">{t("account.orders")}</h2>
        {orders.length === 0 ? (
          <EmptyState testId="orders-empty" title={t("account.noOrders")} action={{ href: "/", label: t("cart.emptyCta") }} />
        ) : (
          <ul className="order-list">
            {orders.map((order) => (
              <li key={order.id}>
                <Link href={`/account/orders/${order.id}`} className="order-row card" data-testid="order-row">
                  <div className="order-row-main">
                    <span className="order-row-id">#{order.display_id}</span>
                    <span className="muted small">{formatDate(order.created_at, locale)}</span>
                    <span className="order-row-items muted small">
                      {(order.items ?? [])
                        .map((i) => i.product_title ?? i.title)
                        .slice(0, 2)
                        .join("、")}
                      {(order.items?.length ?? 0) > 2 ? "…" : ""}
                    </span>
                  </div>
                  <div className="order-row-side">
                    <span className={`status status-${order.status}`}>{orderStatusLabel(order.status, t)}</span>
                    <span className="order-row-total">{formatMoney(order.total, locale)}</span>
                  </div>
                  <ChevronRightIcon size={18} className="order-row-chevron" />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
