"use client"

import type { ComponentProps } from "react"
import { useI18n } from "@/components/i18n-provider"

type StepButtonProps = Omit<ComponentProps<"button">, "children" | "aria-label"> & { "data-testid": string }

/**
 * The "− n +" inside a `.stepper`. The caller owns the wrapper and the buttons' behaviour:
 * the cart submits a form to the server, the product page only changes local state.
 */
export function QuantityStepper({
  quantity,
  quantityTestId,
  decrease,
  increase,
}: {
  quantity: number
  quantityTestId: string
  decrease: StepButtonProps
  increase: StepButtonProps
}) {
  const { t } = useI18n()
  return (
    <>
      <button aria-label={t("product.decrease")} {...decrease}>
        −
      </button>
      <span className="stepper-value" data-testid={quantityTestId}>
        {quantity}
      </span>
      <button aria-label={t("product.increase")} {...increase}>
        +
      </button>
    </>
  )
}
