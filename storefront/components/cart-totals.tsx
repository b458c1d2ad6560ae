import type { HttpTypes } from "@medusajs/types"
import type { Locale, TFunction } from "@/lib/i18n/translate"
import { formatMoney } from "@/lib/money"

export function CartTotals({ cart, locale, t }: { cart: HttpTypes.StoreCart; locale: Locale; t: TFunction }) {
  const discount = Number(cart.discount_total ?? 0)
  const shipping = Number(cart.shipping_total ?? 0)
  return (
    <dl className="totals" data-testid="cart-totals">
      <div>
        <dt>{t("cart.subtotal")}</dt>
        <dd data-testid="cart-subtotal">{formatMoney(cart.item_total, locale)}</dd>
      </div>
      {(cart.shipping_methods?.length ?? 0) > 0 || shipping > 0 ? (
        <div>
          <dt>{t("cart.shipping")}</dt>
          <dd data-testid="cart-shipping">{formatMoney(shipping, locale)}</dd>
        </div>
      ) : null}
      {discount > 0 ? (
        <div>
          <dt>{t("cart.discount")}</dt>
          <dd>−{formatMoney(discount, locale)}</dd>
        </div>
      ) : null}
      <div className="totals-grand">
        <dt>
          {t("cart.total")} <small className="muted">({t("cart.taxIncluded")})</small>
        </dt>
        <dd data-testid="cart-total">{formatMoney(cart.total, locale)}</dd>
      </div>
    </dl>
  )
}
