import type { HttpTypes } from "@medusajs/types"
import type { Locale, MessageKey, TFunction } from "@/lib/i18n/translate"
import { formatMoney } from "@/lib/money"

export function orderStatusLabel(status: string | undefined, t: TFunction): string {
  const key = `order.status.${status}` as MessageKey
  const label = t(key)
  return label === key ? status ?? "" : label
}

export function formatDate(value: string | Date | undefined | null, locale: Locale): string {
  if (!value) return ""
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(new Date(value))
}

export function OrderItems({ order, locale }: { order: HttpTypes.StoreOrder; locale: Locale }) {
  return (
    <ul className="summary-items">
      {(order.items ?? []).map((item) => (
        <li key={item.id} data-testid="order-item">
          {item.thumbnail ? <img src={item.thumbnail} alt="" /> : <span className="img-placeholder" />}
          <span className="summary-item-title">
            {item.product_title ?? item.title}
            <small className="summary-item-meta muted">
              {item.variant_title && item.variant_title !== "Default variant" ? `${item.variant_title} · ` : ""}× {item.quantity}
            </small>
          </span>
          <span className="summary-item-price">{formatMoney(item.total ?? item.unit_price * item.quantity, locale)}</span>
        </li>
      ))}
    </ul>
  )
}

export function OrderTotals({ order, locale, t }: { order: HttpTypes.StoreOrder; locale: Locale; t: TFunction }) {
  const shipping = Number(order.shipping_total ?? 0)
  const discount = Number(order.discount_total ?? 0)
  return (
    <dl className="totals">
      <div>
        <dt>{t("cart.subtotal")}</dt>
        <dd>{formatMoney(order.item_total, locale)}</dd>
      </div>
      {(order.shipping_methods?.length ?? 0) > 0 ? (
        <div>
          <dt>{t("cart.shipping")}</dt>
          <dd>{formatMoney(shipping, locale)}</dd>
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
          {t("order.total")} <small className="muted">({t("cart.taxIncluded")})</small>
        </dt>
        <dd data-testid="order-total">{formatMoney(order.total, locale)}</dd>
      </div>
    </dl>
  )
}

export function OrderAddress({ order, t }: { order: HttpTypes.StoreOrder; t: TFunction }) {
  const a = order.shipping_address
  if (!a || !(a.first_name || a.last_name || a.address_1)) return null
  const name = [a.last_name, a.first_name].filter(Boolean).join("")
  const line = [a.province, a.city, a.address_1].filter(Boolean).join(" ")
  return (
    <div className="order-address">
      <h3 className="form-section-title">{t("order.shippingTo")}</h3>
      <p>
        {name} {a.phone}
      </p>
      {line ? (
        <p className="muted">
          {line} {a.postal_code}
        </p>
      ) : null}
    </div>
  )
}
