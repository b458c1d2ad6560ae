import type { Locale } from "@/lib/i18n/translate"
import { formatMoney } from "@/lib/money"

/** The fields cart and order line items have in common, so checkout and orders list items alike. */
export type SummaryLine = {
  id: string
  thumbnail?: string | null
  product_title?: string | null
  title: string
  variant_title?: string | null
  quantity: number
  unit_price: number
  total?: number | null
}

export function SummaryItems({ items, itemTestId, locale }: { items: SummaryLine[]; itemTestId: string; locale: Locale }) {
  return (
    <ul className="summary-items">
      {items.map((item) => (
        <li key={item.id} data-testid={itemTestId}>
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
