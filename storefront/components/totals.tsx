import type { Locale, TFunction } from "@/lib/i18n/translate"
import { formatMoney } from "@/lib/money"

type Amount = number | string | null | undefined

/** The amounts carts and orders both carry. */
export type TotalsAmounts = { item_total: Amount; shipping_total?: Amount; discount_total?: Amount; total: Amount }

export type TotalsTestIds = { list?: string; subtotal?: string; shipping?: string; total?: string }

/** Amounts paid by something other than cash (points, member benefits): shown as deductions. */
export type TotalsCredit = { label: string; amount: number; testId?: string }

/** Carts and orders each decide whether shipping is known yet, hence `showShipping`. */
export function Totals({
  amounts,
  showShipping,
  totalLabel,
  testIds = {},
  credits = [],
  locale,
  t,
}: {
  amounts: TotalsAmounts
  credits?: TotalsCredit[]
  showShipping: boolean
  totalLabel: string
  testIds?: TotalsTestIds
  locale: Locale
  t: TFunction
}) {
  const shipping = Number(amounts.shipping_total ?? 0)
  const discount = Number(amounts.discount_total ?? 0)
  return (
    <dl className="totals" data-testid={testIds.list}>
      <div>
        <dt>{t("cart.subtotal")}</dt>
        <dd data-testid={testIds.subtotal}>{formatMoney(amounts.item_total, locale)}</dd>
      </div>
      {showShipping ? (
        <div>
          <dt>{t("cart.shipping")}</dt>
          <dd data-testid={testIds.shipping}>{formatMoney(shipping, locale)}</dd>
        </div>
      ) : null}
      {discount > 0 ? (
        <div>
          <dt>{t("cart.discount")}</dt>
          <dd>−{formatMoney(discount, locale)}</dd>
        </div>
      ) : null}
      {credits
        .filter((c) => c.amount > 0)
        .map((c) => (
          <div key={c.label} className="totals-credit">
            <dt>{c.label}</dt>
            <dd data-testid={c.testId}>−{formatMoney(c.amount, locale)}</dd>
          </div>
        ))}
      <div className="totals-grand">
        <dt>
          {totalLabel} <small className="muted">({t("cart.taxIncluded")})</small>
        </dt>
        <dd data-testid={testIds.total}>{formatMoney(amounts.total, locale)}</dd>
      </div>
    </dl>
  )
}
