"use client"

import Link from "next/link"
import { useMemo, useState, useTransition } from "react"
import { useI18n } from "@/components/i18n-provider"
import { CartIcon, CheckIcon } from "@/components/icons"
import { QuantityStepper } from "@/components/quantity-stepper"
import { addToCart, type CartActionResult } from "@/lib/actions/cart"
import { formatMoney } from "@/lib/money"
import { formatPointsPrice } from "@/lib/mall/points-price"

export type PurchaseOption = { id: string; title: string; values: string[] }
export type PurchaseVariant = {
  id: string
  title: string
  /** option id → value */
  options: Record<string, string>
  price: number | null
  originalPrice: number | null
  /** points-plus-cash goods: points per unit, paid beside the cash part of `price` (0 otherwise) */
  points: number
  inStock: boolean
}

function initialSelection(options: PurchaseOption[], variants: PurchaseVariant[]): Record<string, string> {
  if (variants.length === 1) return { ...variants[0].options }
  // Options with a single value leave nothing to choose.
  return Object.fromEntries(options.filter((o) => o.values.length === 1).map((o) => [o.id, o.values[0]]))
}

export function ProductPurchase({ options, variants }: { options: PurchaseOption[]; variants: PurchaseVariant[] }) {
  const { t, locale } = useI18n()
  const [selected, setSelected] = useState<Record<string, string>>(() => initialSelection(options, variants))
  const [quantity, setQuantity] = useState(1)
  const [result, setResult] = useState<CartActionResult | null>(null)
  const [pending, startTransition] = useTransition()

  const variant = useMemo(() => {
    if (variants.length === 1) return variants[0]
    const chosen = options.every((o) => selected[o.id] !== undefined)
    if (!chosen) return undefined
    return variants.find((v) => options.every((o) => v.options[o.id] === selected[o.id]))
  }, [options, variants, selected])

  const allChosen = variants.length === 1 || options.every((o) => selected[o.id] !== undefined)
  const prices = variants.map((v) => v.price).filter((p): p is number => p !== null)
  const minPrice = prices.length ? Math.min(...prices) : null
  const price = variant ? variant.price : minPrice
  const points = (variant ?? variants.find((v) => v.price === price))?.points ?? 0
  const showFrom = !variant && prices.length > 1 && new Set(prices).size > 1
  const canBuy = Boolean(variant && variant.inStock && variant.price !== null)

  const isValueAvailable = (optionId: string, value: string) =>
    variants.some(
      (v) =>
        v.inStock &&
        v.options[optionId] === value &&
        options.every((o) => o.id === optionId || selected[o.id] === undefined || v.options[o.id] === selected[o.id])
    )

  function choose(optionId: string, value: string) {
    setSelected((prev) => ({ ...prev, [optionId]: value }))
    setResult(null)
  }

  function add() {
    if (!variant) {
      setResult({ ok: false, error: allChosen ? t("product.unavailable") : t("product.selectOptions") })
      return
    }
    startTransition(async () => {
      const outcome = await addToCart({ variantId: variant.id, quantity })
      // Updates after an await need their own transition to land together with the refreshed header.
      startTransition(() => setResult(outcome))
    })
  }

  let status: string | null = null
  if (variant && !variant.inStock) status = t("product.outOfStock")
  else if (allChosen && !variant) status = t("product.unavailable")

  return (
    <div className="purchase">
      {options.map((option) =>
        // A product's implicit single "Default option" needs no selector UI.
        option.values.length > 1 || variants.length > 1 ? (
          <fieldset key={option.id} className="option-group">
            <legend className="option-title">{option.title}</legend>
            <div className="option-values">
              {option.values.map((value) => {
                const active = selected[option.id] === value
                return (
                  <button
                    key={value}
                    type="button"
                    className={`option-value${active ? " is-active" : ""}${isValueAvailable(option.id, value) ? "" : " is-dim"}`}
                    data-testid="option-value"
                    aria-pressed={active}
                    onClick={() => choose(option.id, value)}
                  >
                    {value}
                  </button>
                )
              })}
            </div>
          </fieldset>
        ) : (
          <div key={option.id} className="option-single">
            <span className="option-title">{option.title}</span>
            <button type="button" className="option-value is-active" data-testid="option-value" aria-pressed="true">
              {option.values[0] ?? variants[0]?.title}
            </button>
          </div>
        )
      )}

      <div className="quantity-row">
        <span className="option-title">{t("product.quantity")}</span>
        <div className="stepper" data-testid="quantity">
          <QuantityStepper
            quantity={quantity}
            quantityTestId="quantity-value"
            decrease={{
              type: "button",
              onClick: () => setQuantity((q) => Math.max(1, q - 1)),
              disabled: quantity <= 1,
              "data-testid": "quantity-decrease",
            }}
            increase={{ type: "button", onClick: () => setQuantity((q) => Math.min(99, q + 1)), "data-testid": "quantity-increase" }}
          />
        </div>
      </div>

      {result?.ok === false ? (
        <p className="form-error" role="alert" data-testid="add-to-cart-error">
          {result.error}
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice-success" role="status" data-testid="added-to-cart">
          <CheckIcon size={18} /> {t("product.added")}
          <Link href="/cart" className="notice-link" data-testid="go-to-cart">
            {t("product.goToCart")} →
          </Link>
        </p>
      ) : null}

      {points ? (
        <p className="muted small" data-testid="points-price-hint">
          {t("mall.pointsPriceHint", { points: points.toLocaleString(locale) })}
        </p>
      ) : null}

      <div className="buy-bar">
        <div className="buy-bar-inner">
          <div className="buy-price">
            <span className="price-now" data-testid="product-price" data-points={points || undefined}>
              {price !== null ? formatPointsPrice(price, points, locale, t("mall.points")) : "—"}
              {showFrom ? <small> {t("common.from")}</small> : null}
            </span>
            {variant && variant.originalPrice !== null && variant.price !== null && variant.originalPrice > variant.price ? (
              <s className="price-was">{formatMoney(variant.originalPrice, locale)}</s>
            ) : null}
            {status ? <span className="buy-status">{status}</span> : null}
          </div>
          {result?.ok ? (
            <Link href="/cart" className="btn btn-outline buy-cart-link" data-testid="buy-bar-cart-link" aria-label={t("product.goToCart")}>
              <CartIcon size={22} />
            </Link>
          ) : null}
          <button
            type="button"
            className="btn btn-primary buy-button"
            data-testid="add-to-cart"
            onClick={add}
            disabled={pending || (variant !== undefined && !canBuy)}
          >
            {pending ? t("product.adding") : t("product.addToCart")}
          </button>
        </div>
      </div>
    </div>
  )
}
