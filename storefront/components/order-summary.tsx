import type { HttpTypes } from "@medusajs/types"
import type { Locale, MessageKey, TFunction } from "@/lib/i18n/translate"
import { rightsCredits } from "@/lib/rights/credits"
import { SummaryItems } from "./summary-items"
import { Totals } from "./totals"

const ORDER_TEST_IDS = { total: "order-total" }

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

function OrderTotals({ order, locale, t }: { order: HttpTypes.StoreOrder; locale: Locale; t: TFunction }) {
  const showShipping = (order.shipping_methods?.length ?? 0) > 0
  const rights = rightsCredits(order)
  return (
    <Totals
      amounts={order}
      credits={[
        { label: t("rights.benefitDiscount"), amount: rights.benefit, testId: "order-rights-benefit" },
        { label: rights.pointsUsed ? t("rights.pointsDeductionOf", { points: rights.pointsUsed }) : t("rights.pointsDeduction"), amount: rights.points, testId: "order-rights-points" },
      ]}
      showShipping={showShipping}
      totalLabel={t("order.total")}
      testIds={ORDER_TEST_IDS}
      locale={locale}
      t={t}
    />
  )
}

function OrderAddress({ order, t }: { order: HttpTypes.StoreOrder; t: TFunction }) {
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

export function OrderDetails({ order, locale, t }: { order: HttpTypes.StoreOrder; locale: Locale; t: TFunction }) {
  return (
    <section className="card form-section">
      <h2 className="form-section-title">{t("order.items")}</h2>
      <SummaryItems items={order.items ?? []} itemTestId="order-item" locale={locale} />
      <OrderTotals order={order} locale={locale} t={t} />
      <OrderAddress order={order} t={t} />
    </section>
  )
}
