import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { isNotFound } from "./errors"
import { getSdk } from "./sdk"
import { authHeaders, getCartId } from "./session"

export const CART_FIELDS =
  "id,email,currency_code,region_id,customer_id,customer.id,completed_at,item_total,item_subtotal,subtotal,total,tax_total," +
  "shipping_total,shipping_subtotal,discount_total,original_total,credit_line_total," +
  "*items,*items.variant,*items.product,*shipping_methods,*shipping_address,*payment_collection," +
  "*payment_collection.payment_sessions,*credit_lines"

/** The visitor's open cart, or undefined (no cookie, unknown id, or already completed). */
export async function retrieveCart(): Promise<HttpTypes.StoreCart | undefined> {
  const id = await getCartId()
  if (!id) return undefined
  try {
    const { cart } = await getSdk().store.cart.retrieve(id, { fields: CART_FIELDS }, await authHeaders())
    if (cart.completed_at) return undefined
    return cart
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/**
 * Whose cart this is. The store API silently drops `customer_id` from a cart's fields (not in its
 * allowed list), so the owner is read through the `customer.id` relation.
 */
export function cartCustomerId(cart: HttpTypes.StoreCart | undefined): string | undefined {
  const c = cart as (HttpTypes.StoreCart & { customer?: { id?: string } | null }) | undefined
  return c?.customer_id ?? c?.customer?.id ?? undefined
}

export function cartItemCount(cart: HttpTypes.StoreCart | undefined): number {
  return (cart?.items ?? []).reduce((sum, item) => sum + (item.quantity ?? 0), 0)
}

export function cartRequiresShipping(cart: HttpTypes.StoreCart): boolean {
  return (cart.items ?? []).some((item) => item.requires_shipping)
}

export async function listShippingOptions(cartId: string): Promise<HttpTypes.StoreCartShippingOption[]> {
  const { shipping_options } = await getSdk().store.fulfillment.listCartOptions(
    { cart_id: cartId },
    await authHeaders()
  )
  return shipping_options
}
