"use client"

import { useActionState } from "react"
import { useI18n } from "@/components/i18n-provider"
import { QuantityStepper } from "@/components/quantity-stepper"
import { updateLineItem, type LineItemState } from "@/lib/actions/cart"

export function LineItemControls({ lineId, quantity }: { lineId: string; quantity: number }) {
  const { t } = useI18n()
  const [state, action, pending] = useActionState<LineItemState, FormData>(updateLineItem, {})
  return (
    <div className="line-item-controls">
      <form action={action} className="stepper" aria-busy={pending}>
        <input type="hidden" name="line_id" value={lineId} />
        <QuantityStepper
          quantity={quantity}
          quantityTestId="cart-item-quantity"
          decrease={{ type: "submit", name: "quantity", value: quantity - 1, disabled: pending, "data-testid": "cart-item-decrease" }}
          increase={{
            type: "submit",
            name: "quantity",
            value: quantity + 1,
            disabled: pending || quantity >= 99,
            "data-testid": "cart-item-increase",
          }}
        />
      </form>
      <form action={action}>
        <input type="hidden" name="line_id" value={lineId} />
        <button type="submit" name="quantity" value={0} className="link-button" disabled={pending} data-testid="cart-item-remove">
          {t("cart.remove")}
        </button>
      </form>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  )
}
