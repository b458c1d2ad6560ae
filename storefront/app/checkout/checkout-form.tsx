"use client"

import { useRouter } from "next/navigation"
import { useActionState, useState, useTransition, type ReactNode } from "react"
import { useI18n } from "@/components/i18n-provider"
import { completeCheckout, placeOrder, setShippingMethod, type CheckoutField, type CheckoutState } from "@/lib/actions/checkout"
import type { MessageKey } from "@/lib/i18n/translate"
import type { CardPaymentConfig } from "@/lib/medusa/payment"
import type { CartRights } from "@/lib/medusa/rights"
import { formatMoney } from "@/lib/money"
import {
  confirmCardPayment,
  groupCardNumber,
  STRIPE_PROVIDER_ID,
  SYSTEM_PROVIDER_ID,
  testPaymentMethod,
  validCvc,
  validExpiry,
} from "@/lib/payments/card"
import { RightsStep, type UnavailableBenefit } from "./rights-step"

export type CheckoutDefaults = Record<Exclude<CheckoutField, "shipping_option_id">, string>
export type ShippingChoice = { id: string; name: string; price: string }

const ADDRESS_INPUTS: { name: Exclude<CheckoutField, "email" | "shipping_option_id">; label: MessageKey; type?: string; autoComplete: string; half?: boolean; addressOnly?: boolean }[] = [
  { name: "last_name", label: "checkout.lastName", autoComplete: "family-name", half: true },
  { name: "first_name", label: "checkout.firstName", autoComplete: "given-name", half: true },
  { name: "phone", label: "checkout.phone", type: "tel", autoComplete: "tel" },
  { name: "province", label: "checkout.province", autoComplete: "address-level1", half: true, addressOnly: true },
  { name: "city", label: "checkout.city", autoComplete: "address-level2", half: true, addressOnly: true },
  { name: "address_1", label: "checkout.address1", autoComplete: "address-line1", addressOnly: true },
  { name: "postal_code", label: "checkout.postalCode", autoComplete: "postal-code", addressOnly: true },
]

type CardField = "number" | "expiry" | "cvc"
type CheckoutFormState = CheckoutState & { cardErrors?: Partial<Record<CardField, string>>; cardError?: string; done?: boolean }

export function CheckoutForm({
  defaults,
  needsShipping,
  shippingOptions,
  selectedShippingOptionId,
  rights,
  unavailableBenefits = [],
  rightsFailed = false,
  cashDue,
  card = null,
  children,
}: {
  defaults: CheckoutDefaults
  needsShipping: boolean
  shippingOptions: ShippingChoice[]
  selectedShippingOptionId?: string
  /** the cart's rights for a logged-in customer (undefined for guests) */
  rights?: CartRights
  unavailableBenefits?: UnavailableBenefit[]
  rightsFailed?: boolean
  /** cart.total: the cash due as the server computed it */
  cashDue: number
  /** card payments through the Stripe provider, or null for the system provider */
  card?: CardPaymentConfig
  children: ReactNode
}) {
  const { t, locale } = useI18n()
  const router = useRouter()
  // the server's latest answer about rights: from the page, from the rights step or from shipping
  const [view, setView] = useState(rights)
  const [propRights, setPropRights] = useState(rights)
  if (propRights !== rights) {
    setPropRights(rights)
    setView(rights)
  }
  const due = view ? view.rights.cash_due : cashDue
  const payByCard = Boolean(card) && due > 0
  const [cardNumber, setCardNumber] = useState("")
  const [cardExpiry, setCardExpiry] = useState("")
  const [cardCvc, setCardCvc] = useState("")

  const submit = async (prev: CheckoutFormState, formData: FormData): Promise<CheckoutFormState> => {
    let paymentMethod: string | null = null
    if (payByCard) {
      // the card never goes to our server: it is checked here and confirmed with the card host
      const cardErrors: Partial<Record<CardField, string>> = {}
      paymentMethod = testPaymentMethod(cardNumber)
      if (!paymentMethod) cardErrors.number = t("checkout.errors.cardNumber")
      if (!validExpiry(cardExpiry)) cardErrors.expiry = t("checkout.errors.cardExpiry")
      if (!validCvc(cardCvc)) cardErrors.cvc = t("checkout.errors.cardCvc")
      if (Object.keys(cardErrors).length) return { ...prev, error: t("checkout.errors.fixFields"), fieldErrors: undefined, cardErrors, cardError: undefined }
    }
    const placed = await placeOrder(prev, formData) // redirects when the order is placed
    if (!placed.card) return placed
    if (!card || !paymentMethod) return { values: placed.values, error: t("checkout.errors.cardNeeded") }
    const confirmed = await confirmCardPayment({
      apiBase: card.apiBase,
      publishableKey: card.publishableKey,
      paymentIntentId: placed.card.paymentIntentId,
      clientSecret: placed.card.clientSecret,
      paymentMethod,
    })
    if (!confirmed.ok) {
      const text = confirmed.code === "authentication_required" ? t("checkout.errors.card3ds") : t("checkout.errors.card", { message: confirmed.message })
      return { values: placed.values, cardError: text }
    }
    const choice = view ? { points: view.rights.points_applied, benefit_id: view.rights.benefit_id } : undefined
    const done = await completeCheckout(choice)
    if (!done.ok) return { values: placed.values, error: done.error, rightsCode: done.rightsCode }
    router.replace(`/order/${done.orderId}/confirmed`)
    return { values: placed.values, done: true }
  }
  const [state, action, pending] = useActionState<CheckoutFormState, FormData>(submit, {})
  const [shippingError, setShippingError] = useState<string | undefined>()
  const [shippingPending, startShipping] = useTransition()
  const [shippingChoice, setShippingChoice] = useState(selectedShippingOptionId ?? "")

  const value = (name: CheckoutField) => state.values?.[name] ?? (name in defaults ? defaults[name as keyof CheckoutDefaults] : "")
  // An error disappears once its field is edited, and comes back only if the next submit fails again.
  const [editedAt, setEditedAt] = useState<Partial<Record<CheckoutField, CheckoutState>>>({})
  const fieldError = (name: CheckoutField) => (editedAt[name] === state ? undefined : state.fieldErrors?.[name])
  const markEdited = (name: CheckoutField) => {
    if (state.fieldErrors?.[name] && editedAt[name] !== state) setEditedAt((prev) => ({ ...prev, [name]: state }))
  }

  // "Check the highlighted fields" goes away once every highlighted field was edited.
  const pendingFieldErrors = Object.keys(state.fieldErrors ?? {}).filter((name) => editedAt[name as CheckoutField] !== state)
  const showFormError = Boolean(state.error) && (!state.fieldErrors || pendingFieldErrors.length > 0)

  function chooseShipping(id: string) {
    markEdited("shipping_option_id")
    setShippingChoice(id)
    setShippingError(undefined)
    startShipping(async () => {
      const choice = view ? { points: view.rights.points_applied, benefit_id: view.rights.benefit_id } : undefined
      const result = await setShippingMethod(id, choice)
      if (!result.ok) setShippingError(result.error)
      else if (result.rights) setView(result.rights)
    })
  }

  const input = (spec: (typeof ADDRESS_INPUTS)[number] | { name: "email"; label: MessageKey; type: string; autoComplete: string; half?: boolean; addressOnly?: boolean }) => {
    const error = fieldError(spec.name)
    const required = !spec.addressOnly || needsShipping
    return (
      <label key={spec.name} className={`field${spec.half ? " field-half" : ""}${error ? " has-error" : ""}`}>
        <span className="field-label">
          {t(spec.label)}
          {required ? <span className="req" aria-hidden="true"> *</span> : null}
        </span>
        <input
          name={spec.name}
          type={spec.type ?? "text"}
          autoComplete={spec.autoComplete}
          defaultValue={value(spec.name)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${spec.name}-error` : undefined}
          inputMode={spec.name === "postal_code" ? "numeric" : undefined}
          onInput={() => markEdited(spec.name)}
        />
        {error ? (
          <span className="field-error" id={`${spec.name}-error`} data-testid={`error-${spec.name}`}>
            {error}
          </span>
        ) : null}
      </label>
    )
  }

  function cardInput(field: CardField, label: string, value: string, onChange: (v: string) => void, autoComplete: string, placeholder: string, half = false) {
    const error = state.cardErrors?.[field]
    return (
      <label className={`field${half ? " field-half" : ""}${error ? " has-error" : ""}`}>
        <span className="field-label">
          {label}
          <span className="req" aria-hidden="true"> *</span>
        </span>
        <input
          type="text"
          inputMode="numeric"
          autoComplete={autoComplete}
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          data-testid={`card-${field}`}
        />
        {error ? (
          <span className="field-error" data-testid={`error-card-${field}`}>
            {error}
          </span>
        ) : null}
      </label>
    )
  }

  return (
    <form action={action} className="checkout-form" noValidate data-testid="checkout-form">
      <section className="card form-section">
        <h2 className="form-section-title">{t("checkout.contact")}</h2>
        {input({ name: "email", label: "checkout.email", type: "email", autoComplete: "email" })}
      </section>

      <section className="card form-section">
        <h2 className="form-section-title">{needsShipping ? t("checkout.address") : t("checkout.contactPerson")}</h2>
        <div className="field-grid">{ADDRESS_INPUTS.map((spec) => input(spec))}</div>
        <p className="muted field-note">{t("checkout.country")}</p>
      </section>

      {needsShipping ? (
        <section className="card form-section" aria-busy={shippingPending}>
          <h2 className="form-section-title">{t("checkout.shipping")}</h2>
          {shippingOptions.length === 0 ? (
            <p className="form-error">{t("checkout.noShippingOptions")}</p>
          ) : (
            <div className="radio-list" role="radiogroup">
              {shippingOptions.map((option) => (
                <label key={option.id} className={`radio-card${shippingChoice === option.id ? " is-active" : ""}`}>
                  <input
                    type="radio"
                    name="shipping_option_id"
                    value={option.id}
                    checked={shippingChoice === option.id}
                    onChange={() => chooseShipping(option.id)}
                    data-testid="shipping-option"
                  />
                  <span className="radio-name">{option.name}</span>
                  <span className="radio-price">{option.price}</span>
                </label>
              ))}
            </div>
          )}
          {fieldError("shipping_option_id") ? (
            <span className="field-error" data-testid="error-shipping_option_id">
              {fieldError("shipping_option_id")}
            </span>
          ) : null}
          {shippingError ? <p className="form-error">{shippingError}</p> : null}
        </section>
      ) : (
        <p className="card form-section muted" data-testid="no-shipping-needed">
          {t("checkout.noShippingNeeded")}
        </p>
      )}

      {view ? (
        <RightsStep view={view} unavailable={unavailableBenefits} onView={setView} disabled={pending || shippingPending} />
      ) : rightsFailed ? (
        <p className="card form-section muted small" data-testid="rights-unavailable">
          {t("rights.unavailable")}
        </p>
      ) : null}

      {due > 0 ? (
        <section className="card form-section" data-testid="payment-step">
          <h2 className="form-section-title">{t("checkout.payment")}</h2>
          {card ? (
            <div className="card-form" data-testid="card-form">
              <input type="hidden" name="payment_provider" value={STRIPE_PROVIDER_ID} />
              <p className="card-form-due">
                {t("checkout.cardDue")} <strong data-testid="card-amount">{formatMoney(due, locale)}</strong>
              </p>
              {/* no name attributes: card details are never submitted to our server */}
              <div className="field-grid">
                {cardInput("number", t("checkout.cardNumber"), cardNumber, (v) => setCardNumber(groupCardNumber(v)), "cc-number", "4242 4242 4242 4242")}
                {cardInput("expiry", t("checkout.cardExpiry"), cardExpiry, setCardExpiry, "cc-exp", "MM/YY", true)}
                {cardInput("cvc", t("checkout.cardCvc"), cardCvc, setCardCvc, "cc-csc", "123", true)}
              </div>
              <p className="muted small field-note">{t("checkout.cardTestHint")}</p>
              {state.cardError ? (
                <p className="form-error form-error-block" role="alert" data-testid="card-error">
                  {state.cardError}
                </p>
              ) : null}
            </div>
          ) : (
            <label className="radio-card is-active">
              <input type="radio" name="payment_provider" value={SYSTEM_PROVIDER_ID} defaultChecked readOnly />
              <span className="radio-name">{t("checkout.paymentSystem")}</span>
            </label>
          )}
        </section>
      ) : (
        <p className="card form-section rights-paid-in-full" data-testid="no-payment-needed">
          {/* should the server find cash due after all, it asks for the card instead of another provider */}
          {card ? <input type="hidden" name="payment_provider" value={STRIPE_PROVIDER_ID} /> : null}
          {t("rights.paidInFull")}
        </p>
      )}

      {children}

      {showFormError ? (
        <p className="form-error form-error-block" role="alert" data-testid="checkout-error">
          {state.error}
        </p>
      ) : null}

      <div className="checkout-submit">
        <button type="submit" className="btn btn-primary btn-block btn-lg" disabled={pending || shippingPending || state.done} data-testid="place-order">
          {pending || state.done ? t("checkout.placing") : payByCard ? t("checkout.payAndPlace", { amount: formatMoney(due, locale) }) : t("checkout.placeOrder")}
        </button>
      </div>
    </form>
  )
}
