import type { HttpTypes } from "@medusajs/types"
import type { Locale, TFunction } from "@/lib/i18n/translate"
import { Totals } from "./totals"

const CART_TEST_IDS = { list: "cart-totals", subtotal: "cart-subtotal", shipping: "cart-shipping", total: "cart-total" }

export function CartTotals({ cart, locale, t }: { cart: HttpTypes.StoreCart; locale: Locale; t: TFunction }) {
  const showShipping = (cart.shipping_methods?.length ?? 0) > 0 || Number(cart.shipping_total ?? 0) > 0
  return <Totals amounts={cart} showShipping={showShipping} totalLabel={t("cart.total")} testIds={CART_TEST_IDS} locale={locale} t={t} />
}
