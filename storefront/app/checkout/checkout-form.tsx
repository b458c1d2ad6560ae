"use client"

import { useActionState, useState, useTransition, type ReactNode } from "react"
import { useI18n } from "@/components/i18n-provider"
import { placeOrder, setShippingMethod, type CheckoutField, type CheckoutState } from "@/lib/actions/checkout"
import type { MessageKey } from "@/lib/i18n/translate"

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

export function CheckoutForm({
  defaults,
  needsShipping,
  shippingOptions,
  selectedShippingOptionId,
  children,
}: {
  defaults: CheckoutDefaults
  needsShipping: boolean
  shippingOptions: ShippingChoice[]
  selectedShippingOptionId?: string
  children: ReactNode
}) {
  const { t } = useI18n()
  const [state, action, pending] = useActionState<CheckoutState, FormData>(placeOrder, {})
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
      const result = await setShippingMethod(id)
      if (!result.ok) setShippingError(result.error)
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

      <section className="card form-section">
        <h2 className="form-section-title">{t("checkout.payment")}</h2>
        <label className="radio-card is-active">
          <input type="radio" name="payment_provider" value="pp_system_default" defaultChecked readOnly />
          <span className="radio-name">{t("checkout.paymentSystem")}</span>
        </label>
      </section>

      {children}

      {showFormError ? (
        <p className="form-error form-error-block" role="alert" data-testid="checkout-error">
          {state.error}
        </p>
      ) : null}

      <div className="checkout-submit">
        <button type="submit" className="btn btn-primary btn-block btn-lg" disabled={pending || shippingPending} data-testid="place-order">
          {pending ? t("checkout.placing") : t("checkout.placeOrder")}
        </button>
      </div>
    </form>
  )
}
