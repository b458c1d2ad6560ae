"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { getI18n } from "@/lib/i18n/server"
import { errorStatus, readableError } from "@/lib/medusa/errors"
import { getSdk } from "@/lib/medusa/sdk"
import {
  clearAuthToken,
  clearCartId,
  getCartId,
  setAuthToken,
} from "@/lib/medusa/session"
import { isSameSitePath } from "@/lib/same-site-path"

export type AuthFormState = {
  error?: string
  fieldErrors?: Partial<Record<"email" | "password" | "first_name" | "last_name", string>>
  values?: { email?: string; first_name?: string; last_name?: string }
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function safeNext(value: FormDataEntryValue | null, fallback: string): string {
  const next = typeof value === "string" ? value : ""
  return isSameSitePath(next) ? next : fallback
}

function field(formData: FormData, name: string): string {
  return String(formData.get(name) ?? "").trim()
}

/** Gives the guest cart (if any) to the customer who just logged in. */
async function transferGuestCart(token: string): Promise<void> {
  const cartId = await getCartId()
  if (!cartId) return
  try {
    await getSdk().store.cart.transferCart(cartId, { fields: "id" }, { authorization: `Bearer ${token}` })
  } catch (error) {
    // A completed or foreign cart can't be transferred: start a fresh one instead.
    if (errorStatus(error) !== undefined) await clearCartId()
    console.warn("[storefront] cart transfer failed:", readableError(error))
  }
}

async function loginWithPassword(email: string, password: string): Promise<string> {
  const result = await getSdk().auth.login("customer", "emailpass", { email, password })
  if (typeof result !== "string") throw new Error("Unsupported login flow")
  return result
}

export async function login(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { t } = await getI18n()
  const email = field(formData, "email").toLowerCase()
  const password = String(formData.get("password") ?? "")
  const values = { email }
  const fieldErrors: AuthFormState["fieldErrors"] = {}
  if (!EMAIL_RE.test(email)) fieldErrors.email = t("checkout.errors.email")
  if (!password) fieldErrors.password = t("checkout.errors.required")
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }

  let token: string
  try {
    token = await loginWithPassword(email, password)
  } catch (error) {
    const status = errorStatus(error)
    if (status === 401 || status === 400) return { error: t("auth.errors.invalid"), values }
    return { error: t("auth.errors.failed", { message: readableError(error) }), values }
  }
  await setAuthToken(token)
  await transferGuestCart(token)
  revalidatePath("/", "layout")
  redirect(safeNext(formData.get("next"), "/account"))
}

export async function register(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { t } = await getI18n()
  const email = field(formData, "email").toLowerCase()
  const password = String(formData.get("password") ?? "")
  const first_name = field(formData, "first_name")
  const last_name = field(formData, "last_name")
  const values = { email, first_name, last_name }
  const fieldErrors: AuthFormState["fieldErrors"] = {}
  if (!EMAIL_RE.test(email)) fieldErrors.email = t("checkout.errors.email")
  if (password.length < 6) fieldErrors.password = t("auth.errors.password")
  if (!first_name) fieldErrors.first_name = t("checkout.errors.required")
  if (!last_name) fieldErrors.last_name = t("checkout.errors.required")
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }

  const sdk = getSdk()
  let token: string
  try {
    const registrationToken = await sdk.auth.register("customer", "emailpass", { email, password })
    await sdk.store.customer.create(
      { email, first_name, last_name },
      { fields: "id" },
      { authorization: `Bearer ${registrationToken}` }
    )
    // The registration token carries no customer yet: log in for a session token.
    token = await loginWithPassword(email, password)
  } catch (error) {
    const message = readableError(error)
    if (/already exists/i.test(message)) return { error: t("auth.errors.exists"), values }
    return { error: t("auth.errors.failed", { message }), values }
  }
  await setAuthToken(token)
  await transferGuestCart(token)
  revalidatePath("/", "layout")
  redirect(safeNext(formData.get("next"), "/account"))
}

export async function logout(): Promise<void> {
  await clearAuthToken()
  // The open cart belongs to the customer now; a guest starts with a fresh one.
  await clearCartId()
  revalidatePath("/", "layout")
  redirect("/")
}
