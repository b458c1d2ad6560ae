"use server"

import { revalidatePath } from "next/cache"
import { getI18n } from "@/lib/i18n/server"
import type { TFunction } from "@/lib/i18n/translate"
import { cartItemCount, retrieveCart } from "@/lib/medusa/cart"
import { readableError } from "@/lib/medusa/errors"
import { getRegion } from "@/lib/medusa/region"
import { getSdk } from "@/lib/medusa/sdk"
import { authHeaders, getCartId, setCartId } from "@/lib/medusa/session"

function cartErrorMessage(error: unknown, t: TFunction): string {
  const message = readableError(error)
  if (/required inventory|insufficient inventory|out of stock/i.test(message)) return t("product.insufficientStock")
  return t("cart.updateFailed", { message })
}

export type CartActionResult = { ok: true; count: number } | { ok: false; error: string }

async function getOrCreateCartId(): Promise<string> {
  const existing = await retrieveCart()
  if (existing) return existing.id
  const region = await getRegion()
  const { cart } = await getSdk().store.cart.create(
    { region_id: region.id },
    { fields: "id" },
    await authHeaders()
  )
  await setCartId(cart.id)
  return cart.id
}

export async function addToCart(input: { variantId: string; quantity: number }): Promise<CartActionResult> {
  const { t } = await getI18n()
  const quantity = Math.max(1, Math.min(99, Math.floor(Number(input.quantity) || 1)))
  if (!input.variantId) return { ok: false, error: t("product.selectOptions") }
  try {
    const cartId = await getOrCreateCartId()
    const { cart } = await getSdk().store.cart.createLineItem(
      cartId,
      { variant_id: input.variantId, quantity },
      { fields: "id,*items" },
      await authHeaders()
    )
    revalidatePath("/", "layout")
    return { ok: true, count: cartItemCount(cart) }
  } catch (error) {
    return { ok: false, error: cartErrorMessage(error, t) }
  }
}

export type LineItemState = { error?: string }

/** Form action: `line_id` + `quantity`; quantity 0 removes the line. */
export async function updateLineItem(_prev: LineItemState, formData: FormData): Promise<LineItemState> {
  const { t } = await getI18n()
  const cartId = await getCartId()
  const lineId = String(formData.get("line_id") ?? "")
  const quantity = Math.floor(Number(formData.get("quantity")))
  if (!cartId || !lineId || !Number.isFinite(quantity)) return {}
  try {
    const sdk = getSdk()
    if (quantity <= 0) {
      await sdk.store.cart.deleteLineItem(cartId, lineId, {}, await authHeaders())
    } else {
      await sdk.store.cart.updateLineItem(cartId, lineId, { quantity: Math.min(quantity, 99) }, { fields: "id" }, await authHeaders())
    }
    revalidatePath("/", "layout")
    return {}
  } catch (error) {
    return { error: cartErrorMessage(error, t) }
  }
}
