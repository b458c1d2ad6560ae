import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { CartTotals } from "@/components/cart-totals"
import { EmptyState, ErrorState } from "@/components/states"
import { SummaryItems } from "@/components/summary-items"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import { cartCustomerId, cartRequiresShipping, listShippingOptions, retrieveCart } from "@/lib/medusa/cart"
import { retrieveCustomer } from "@/lib/medusa/customer"
import { readableError } from "@/lib/medusa/errors"
import { retrieveCartRights, retrieveCustomerRights, type CartRights, type CustomerRights } from "@/lib/medusa/rights"
import { cardPaymentConfig, listPaymentProviderIds } from "@/lib/medusa/payment"
import { formatMoney } from "@/lib/money"
import { CheckoutForm, type CheckoutDefaults, type ShippingChoice } from "./checkout-form"
import type { UnavailableBenefit } from "./rights-step"

export const generateMetadata = titleMetadata("checkout.title")

export default async function CheckoutPage() {
  const { locale, t } = await getI18n()
  let cart: HttpTypes.StoreCart | undefined
  let customer: HttpTypes.StoreCustomer | undefined
  let shippingOptions: HttpTypes.StoreCartShippingOption[] = []
  let providers: string[] = []
  try {
    ;[cart, customer] = await Promise.all([retrieveCart(), retrieveCustomer()])
    if (cart?.items?.length && cartRequiresShipping(cart)) {
      shippingOptions = await listShippingOptions(cart.id)
    }
    if (cart?.items?.length) providers = await listPaymentProviderIds(cart.region_id)
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} />
  }

  if (!cart || !cart.items?.length) {
    return (
      <div className="checkout-page">
        <h1 className="page-title">{t("checkout.title")}</h1>
        <EmptyState testId="checkout-empty" title={t("checkout.emptyCart")} action={{ href: "/", label: t("cart.emptyCta") }} />
      </div>
    )
  }

  const address = cart.shipping_address
  const defaults: CheckoutDefaults = {
    email: customer?.email ?? cart.email ?? "",
    first_name: address?.first_name ?? customer?.first_name ?? "",
    last_name: address?.last_name ?? customer?.last_name ?? "",
    phone: address?.phone ?? customer?.phone ?? "",
    address_1: address?.address_1 ?? "",
    city: address?.city ?? "",
    province: address?.province ?? "",
    postal_code: address?.postal_code ?? "",
  }
  const choices: ShippingChoice[] = shippingOptions.map((option) => ({
    id: option.id,
    name: option.name,
    price: formatMoney(option.calculated_price?.calculated_amount ?? option.amount ?? 0, locale),
  }))
  const needsShipping = cartRequiresShipping(cart)

  // Points and benefits are for logged-in customers whose cart is theirs. The step is a nicety:
  // if the rights can't be read, checkout still works with cash alone.
  let cartRights: CartRights | undefined
  let customerRights: CustomerRights | undefined
  let rightsFailed = false
  if (customer && cartCustomerId(cart) === customer.id) {
    try {
      ;[cartRights, customerRights] = await Promise.all([retrieveCartRights(cart.id), retrieveCustomerRights()])
    } catch {
      rightsFailed = true
    }
  }
  // benefits the customer has that are not open today (a weekday program): listed, not choosable
  const openIds = new Set(cartRights?.benefits.map((b) => b.id) ?? [])
  const unavailable: UnavailableBenefit[] = (customerRights?.benefits ?? [])
    .filter((b) => !openIds.has(b.id))
    .map((b) => ({ id: b.id, name: b.name, weekdays: b.weekdays, remaining: b.remaining, period: b.period }))
  const card = cardPaymentConfig(providers)

  return (
    <div className="checkout-page">
      <h1 className="page-title">{t("checkout.title")}</h1>
      {!customer ? (
        <p className="muted checkout-login-hint">
          {t("checkout.loginHint")}{" "}
          <Link href="/account/login?next=/checkout" data-testid="checkout-login-link">
            {t("checkout.loginLink")}
          </Link>
        </p>
      ) : null}
      <CheckoutForm
        defaults={defaults}
        needsShipping={needsShipping}
        shippingOptions={choices}
        selectedShippingOptionId={cart.shipping_methods?.[0]?.shipping_option_id ?? undefined}
        rights={cartRights}
        unavailableBenefits={unavailable}
        rightsFailed={rightsFailed}
        cashDue={Number(cart.total ?? 0)}
        card={card}
      >
        <section className="card form-section" aria-labelledby="summary-title">
          <h2 id="summary-title" className="form-section-title">
            {t("checkout.summary")}
          </h2>
          <SummaryItems items={cart.items} itemTestId="checkout-item" locale={locale} />
          <CartTotals cart={cart} locale={locale} t={t} />
        </section>
      </CheckoutForm>
    </div>
  )
}
