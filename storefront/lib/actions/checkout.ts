"use server"

import type { HttpTypes } from "@medusajs/types"
import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { getI18n } from "@/lib/i18n/server"
import { CART_FIELDS, cartRequiresShipping, retrieveCart } from "@/lib/medusa/cart"
import { readableError } from "@/lib/medusa/errors"
import { getSdk } from "@/lib/medusa/sdk"
import { authHeaders, clearCartId } from "@/lib/medusa/session"

const PAYMENT_PROVIDER_ID = "pp_system_default"

const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "phone",
  "address_1",
  "city",
  "province",
  "postal_code",
] as const
type AddressField = (typeof ADDRESS_FIELDS)[number]
export type CheckoutField = AddressField | "email" | "shipping_option_id"

export type CheckoutState = {
  error?: string
  fieldErrors?: Partial<Record<CheckoutField, string>>
  values?: Partial<Record<CheckoutField, string>>
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE_RE = /^\+?[\d\s-]{6,20}$/
const POSTAL_RE = /^\d{6}$/

export type ShippingMethodResult = { ok: boolean; error?: string }

export async function setShippingMethod(optionId: string): Promise<ShippingMethodResult> {
  const { t } = await getI18n()
  const cart = await retrieveCart()
  if (!cart) return { ok: false, error: t("checkout.errors.noCart") }
  try {
    await getSdk().store.cart.addShippingMethod(cart.id, { option_id: optionId }, { fields: "id" }, await authHeaders())
    revalidatePath("/checkout")
    return { ok: true }
  } catch (error) {
    return { ok: false, error: t("checkout.errors.backend", { message: readableError(error) }) }
  }
}

export async function placeOrder(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const { t } = await getI18n()
  const values: CheckoutState["values"] = {}
  for (const name of [...ADDRESS_FIELDS, "email", "shipping_option_id"] as const) {
    values[name] = String(formData.get(name) ?? "").trim()
  }

  let cart: HttpTypes.StoreCart | undefined
  try {
    cart = await retrieveCart()
  } catch (error) {
    return { error: t("checkout.errors.backend", { message: readableError(error) }), values }
  }
  if (!cart || !cart.items?.length) return { error: t("checkout.errors.noCart"), values }
  const needsShipping = cartRequiresShipping(cart)

  // Vouchers need a contact person only; goods need a full delivery address.
  const required: CheckoutField[] = ["email", "first_name", "last_name", "phone"]
  if (needsShipping) required.push("address_1", "city", "province", "postal_code", "shipping_option_id")
  const fieldErrors: CheckoutState["fieldErrors"] = {}
  for (const name of required) {
    if (!values[name]) fieldErrors[name] = name === "shipping_option_id" ? t("checkout.errors.shipping") : t("checkout.errors.required")
  }
  if (values.email && !EMAIL_RE.test(values.email)) fieldErrors.email = t("checkout.errors.email")
  if (values.phone && !PHONE_RE.test(values.phone)) fieldErrors.phone = t("checkout.errors.phone")
  if (values.postal_code && !POSTAL_RE.test(values.postal_code)) fieldErrors.postal_code = t("checkout.errors.postalCode")
  if (Object.keys(fieldErrors).length) {
    return { error: t("checkout.errors.fixFields"), fieldErrors, values }
  }

  const address: HttpTypes.StoreAddAddress & { country_code: string } = { country_code: "cn" }
  for (const name of ADDRESS_FIELDS) {
    if (values[name]) address[name] = values[name]
  }

  const sdk = getSdk()
  const headers = await authHeaders()
  let orderId: string
  try {
    await sdk.store.cart.update(
      cart.id,
      { email: values.email, shipping_address: address, billing_address: address },
      { fields: "id" },
      headers
    )
    if (needsShipping) {
      const current = cart.shipping_methods?.[0]?.shipping_option_id
      if (current !== values.shipping_option_id) {
        await sdk.store.cart.addShippingMethod(cart.id, { option_id: values.shipping_option_id! }, { fields: "id" }, headers)
      }
    }
    // Totals changed (address, shipping): initiate payment on the fresh cart.
    const { cart: fresh } = await sdk.store.cart.retrieve(cart.id, { fields: CART_FIELDS }, headers)
    await sdk.store.payment.initiatePaymentSession(fresh, { provider_id: PAYMENT_PROVIDER_ID }, { fields: "id" }, headers)
    const result = await sdk.store.cart.complete(cart.id, {}, headers)
    if (result.type !== "order") {
      return { error: t("checkout.errors.backend", { message: result.error?.message ?? "cart not completed" }), values }
    }
    orderId = result.order.id
  } catch (error) {
    return { error: t("checkout.errors.backend", { message: readableError(error) }), values }
  }

  await clearCartId()
  revalidatePath("/", "layout")
  redirect(`/order/${orderId}/confirmed`)
}
