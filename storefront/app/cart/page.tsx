import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { EmptyState, ErrorState } from "@/components/states"
import { CartTotals } from "@/components/cart-totals"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import { retrieveCart } from "@/lib/medusa/cart"
import { readableError } from "@/lib/medusa/errors"
import { formatMoney } from "@/lib/money"
import { formatPointsPrice, variantPointsPrice } from "@/lib/mall/points-price"
import { LineItemControls } from "./line-item-controls"

export const generateMetadata = titleMetadata("cart.title")

export default async function CartPage() {
  const { locale, t } = await getI18n()
  let cart: HttpTypes.StoreCart | undefined
  try {
    cart = await retrieveCart()
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} />
  }

  const items = [...(cart?.items ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
  if (!cart || items.length === 0) {
    return (
      <div className="cart-page">
        <h1 className="page-title">{t("cart.title")}</h1>
        <EmptyState testId="cart-empty" title={t("cart.empty")} action={{ href: "/", label: t("cart.emptyCta") }} />
      </div>
    )
  }

  return (
    <div className="cart-page two-col">
      <section className="col-main">
        <h1 className="page-title">{t("cart.title")}</h1>
        <ul className="line-items">
          {items.map((item) => (
            <li key={item.id} className="line-item card" data-testid="cart-item">
              <Link href={item.product_handle ? `/p/${item.product_handle}` : "#"} className="line-item-media">
                {item.thumbnail ? <img src={item.thumbnail} alt="" /> : <div className="img-placeholder" />}
              </Link>
              <div className="line-item-body">
                <p className="line-item-title" data-testid="cart-item-title">
                  {item.product_title ?? item.title}
                </p>
                {item.variant_title && item.variant_title !== "Default variant" ? (
                  <p className="line-item-variant">{item.variant_title}</p>
                ) : null}
                <p className="line-item-unit muted" data-testid="cart-item-unit" data-points={variantPointsPrice(item.variant) || undefined}>
                  {t("cart.unitPrice")} {formatPointsPrice(Number(item.unit_price), variantPointsPrice(item.variant), locale, t("mall.points"))}
                </p>
                <div className="line-item-footer">
                  <LineItemControls lineId={item.id} quantity={item.quantity} />
                  <span className="line-item-total" data-testid="cart-item-total">
                    {formatMoney(item.total ?? item.unit_price * item.quantity, locale)}
                  </span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <aside className="col-side">
        <div className="card summary-card">
          <CartTotals cart={cart} locale={locale} t={t} />
          <Link href="/checkout" className="btn btn-primary btn-block" data-testid="checkout-link">
            {t("cart.checkout")}
          </Link>
        </div>
      </aside>
    </div>
  )
}
