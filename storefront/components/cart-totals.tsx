import type { HttpTypes } from "@medusajs/types"
import type { Locale, TFunction } from "@/lib/i18n/translate"
import { rightsCredits } from "@/lib/rights/credits"
import { Totals } from "./totals"

const CART_TEST_IDS = { list: "cart-totals", subtotal: "cart-subtotal", shipping: "cart-shipping", total: "cart-total" }

export function CartTotals({ cart, locale, t }: { cart: HttpTypes.StoreCart; locale: Locale; t: TFunction }) {
  const showShipping = (cart.shipping_methods?.length ?? 0) > 0 || Number(cart.shipping_total ?? 0) > 0
  const rights = rightsCredits(cart)
  // with rights applied, the total is what is still paid in cash
  const totalLabel = rights.any ? t("rights.cashDue") : t("cart.total")
  return (
    <Totals
      amounts={cart}
      credits={[
        { label: t("rights.benefitDiscount"), amount: rights.benefit, testId: "cart-rights-benefit" },
        { label: t("rights.pointsDeduction"), amount: rights.points, testId: "cart-rights-points" },
      ]}
      showShipping={showShipping}
      totalLabel={totalLabel}
      testIds={CART_TEST_IDS}
      locale={locale}
      t={t}
    />
  )
}
