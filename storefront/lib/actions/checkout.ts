"use server"

import type { HttpTypes } from "@medusajs/types"
import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { getI18n } from "@/lib/i18n/server"
import { CART_FIELDS, cartCustomerId, cartRequiresShipping, retrieveCart } from "@/lib/medusa/cart"
import { readableError } from "@/lib/medusa/errors"
import { getSdk } from "@/lib/medusa/sdk"
import { applyCartRights, completeCart, retrieveCartRights, type CartRights } from "@/lib/medusa/rights"
import { authHeaders, clearCartId, getAuthToken } from "@/lib/medusa/session"
import { STRIPE_PROVIDER_ID, SYSTEM_PROVIDER_ID } from "@/lib/payments/card"
import { rightsErrorText } from "@/lib/rights/messages"

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

/** What the browser needs to confirm the card for the cash part (a Stripe PaymentIntent). */
export type CardPaymentRequest = { paymentIntentId: string; clientSecret: string; amount: number }

export type CheckoutState = {
  error?: string
  /** the backend's machine code when rights were refused (the rights step then shows fresh figures) */
  rightsCode?: string
  fieldErrors?: Partial<Record<CheckoutField, string>>
  values?: Partial<Record<CheckoutField, string>>
  /** card checkout: the cart is ready, the browser confirms this PaymentIntent, then completes */
  card?: CardPaymentRequest
}

/** The rights the shopper chose in the rights step; the server plans every amount from it. */
export type RightsChoiceInput = { points: number; benefit_id: string | null }

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE_RE = /^\+?[\d\s-]{6,20}$/
const POSTAL_RE = /^\d{6}$/

export type ShippingMethodResult = { ok: boolean; error?: string; rights?: CartRights }

function readRightsChoice(formData: FormData): RightsChoiceInput | undefined {
  if (!formData.has("rights_points") && !formData.has("rights_benefit_id")) return undefined
  const points = Number(formData.get("rights_points") ?? 0)
  const benefit = String(formData.get("rights_benefit_id") ?? "").trim()
  return { points: Number.isSafeInteger(points) && points >= 0 ? points : 0, benefit_id: benefit || null }
}

function hasRightsCreditLines(cart: HttpTypes.StoreCart): boolean {
  const lines = ((cart as { credit_lines?: { reference?: string | null }[] }).credit_lines ?? []).filter(Boolean)
  return lines.some((c) => c.reference === "rights_points" || c.reference === "rights_benefit")
}

/**
 * Plans the chosen rights on the cart as it is now (after address and shipping changed it), before
 * any payment session exists: applying rights refreshes the payment collection and drops its sessions.
 */
async function planRights(cart: HttpTypes.StoreCart, choice: RightsChoiceInput | undefined) {
  if (!cartCustomerId(cart) || !(await getAuthToken())) return { ok: true as const }
  const wanted = choice ?? { points: 0, benefit_id: null }
  if (!wanted.points && !wanted.benefit_id && !hasRightsCreditLines(cart)) return { ok: true as const }
  return applyCartRights(cart.id, { points: wanted.points, benefit_id: wanted.benefit_id })
}

export async function setShippingMethod(optionId: string, choice?: RightsChoiceInput): Promise<ShippingMethodResult> {
  const { t } = await getI18n()
  const cart = await retrieveCart()
  if (!cart) return { ok: false, error: t("checkout.errors.noCart") }
  try {
    await getSdk().store.cart.addShippingMethod(cart.id, { option_id: optionId }, { fields: "id" }, await authHeaders())
    // shipping changes what points may pay: plan the same choice again so the totals shown are current
    let rights: CartRights | undefined
    if (cartCustomerId(cart) && (await getAuthToken())) {
      const fresh = await retrieveCart()
      if (fresh) await planRights(fresh, choice)
      rights = await retrieveCartRights(cart.id)
    }
    revalidatePath("/checkout")
    return { ok: true, rights }
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
  const provider = formData.get("payment_provider") === STRIPE_PROVIDER_ID ? STRIPE_PROVIDER_ID : SYSTEM_PROVIDER_ID
  const choice = readRightsChoice(formData)

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
    const planned = await planRights(cart, choice)
    if (!planned.ok) {
      revalidatePath("/checkout")
      return { error: rightsErrorText(planned.code, t, planned.message), rightsCode: planned.code ?? "failed", values }
    }
    const prepared = await preparePayment(cart.id, provider)
    if (prepared.card) return { values, card: prepared.card }
    const done = await completeCart(cart.id)
    if (done.kind !== "order") {
      if (done.code === "rights_changed") {
        // the cart changed after the rights were planned: plan the same choice again, then the
        // shopper checks the new figures and places the order once more
        const again = await planRights(cart, choice)
        if (!again.ok) {
          revalidatePath("/checkout")
          return { error: rightsErrorText(again.code, t, again.message), rightsCode: again.code ?? "failed", values }
        }
      }
      return { ...(await refusal(done, t)), values }
    }
    orderId = done.orderId
  } catch (error) {
    return { error: t("checkout.errors.backend", { message: readableError(error) }), values }
  }

  await clearCartId()
  revalidatePath("/", "layout")
  redirect(`/order/${orderId}/confirmed`)
}

/**
 * Opens the payment session for the cash due (cart.total, after rights). Nothing is due → no
 * session at all. Card → the PaymentIntent for the browser to confirm; system → ready to complete.
 */
async function preparePayment(cartId: string, provider: string): Promise<{ card?: CardPaymentRequest }> {
  const sdk = getSdk()
  const headers = await authHeaders()
  const { cart: fresh } = await sdk.store.cart.retrieve(cartId, { fields: CART_FIELDS }, headers)
  const cashDue = Number(fresh.total ?? 0)
  if (!(cashDue > 0)) return {}
  const { payment_collection } = await sdk.store.payment.initiatePaymentSession(
    fresh,
    { provider_id: provider },
    { fields: "id,*payment_sessions" },
    headers
  )
  if (provider !== STRIPE_PROVIDER_ID) return {}
  const session = (payment_collection.payment_sessions ?? []).find((s) => s.provider_id === STRIPE_PROVIDER_ID)
  const data = (session?.data ?? {}) as { id?: unknown; client_secret?: unknown }
  if (typeof data.id !== "string" || typeof data.client_secret !== "string") {
    throw new Error("the card payment could not be started (no PaymentIntent)")
  }
  return { card: { paymentIntentId: data.id, clientSecret: data.client_secret, amount: cashDue } }
}

async function refusal(done: { code?: string; message: string }, t: Awaited<ReturnType<typeof getI18n>>["t"]): Promise<Pick<CheckoutState, "error" | "rightsCode">> {
  revalidatePath("/checkout")
  if (done.code && ["insufficient_points", "quota_exhausted", "rights_changed", "points_cap_exceeded", "benefit_not_eligible", "points_required"].includes(done.code)) {
    return { error: rightsErrorText(done.code, t, done.message), rightsCode: done.code }
  }
  return { error: t("checkout.errors.backend", { message: done.message }) }
}

export type CompleteCheckoutResult = { ok: true; orderId: string } | { ok: false; error: string; rightsCode?: string }

/**
 * After the browser confirmed the card: completes the cart (the backend authorizes the confirmed
 * intent and takes points and quota atomically). If the cart's rights changed meanwhile, they are
 * planned again from the same choice and the shopper confirms the new amount (a new intent).
 */
export async function completeCheckout(choice?: RightsChoiceInput): Promise<CompleteCheckoutResult> {
  const { t } = await getI18n()
  const cart = await retrieveCart()
  if (!cart) return { ok: false, error: t("checkout.errors.noCart") }
  let orderId: string
  try {
    const done = await completeCart(cart.id)
    if (done.kind !== "order") {
      if (done.code === "rights_changed") {
        const again = await planRights(cart, choice)
        revalidatePath("/checkout")
        if (!again.ok) return { ok: false, error: rightsErrorText(again.code, t, again.message), rightsCode: again.code ?? "failed" }
        return { ok: false, error: t("rights.errors.rights_changed"), rightsCode: "rights_changed" }
      }
      const r = await refusal(done, t)
      return { ok: false, error: r.error ?? t("checkout.errors.backend", { message: done.message }), rightsCode: r.rightsCode }
    }
    orderId = done.orderId
  } catch (error) {
    return { ok: false, error: t("checkout.errors.backend", { message: readableError(error) }) }
  }
  await clearCartId()
  revalidatePath("/", "layout")
  return { ok: true, orderId }
}
