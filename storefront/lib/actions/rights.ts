"use server"

import { revalidatePath } from "next/cache"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { applyCartRights, retrieveCartRights, type CartRights } from "@/lib/medusa/rights"
import { getCartId } from "@/lib/medusa/session"
import { rightsErrorText } from "@/lib/rights/messages"

export type RightsChoice = { points?: number; benefit_id?: string | null }

export type RightsActionResult =
  | { ok: true; view: CartRights; notice?: string }
  | { ok: false; code?: string; error: string; view?: CartRights }

const BENEFIT_ID_RE = /^[A-Za-z0-9_]{1,64}$/

/**
 * Applies the shopper's choice of points and benefit to their cart and answers with what the
 * server planned (amounts, the new points limit, each benefit's value for the cart). A benefit
 * change that would leave more points than the new limit allows keeps as many points as it can.
 */
export async function applyRights(choice: RightsChoice): Promise<RightsActionResult> {
  const { t } = await getI18n()
  const cartId = await getCartId()
  if (!cartId) return { ok: false, error: t("checkout.errors.noCart") }
  const body: RightsChoice = {}
  if (choice.points !== undefined) {
    // whole points only; anything else is the server's invalid_request, said in the shopper's words
    if (typeof choice.points !== "number" || !Number.isSafeInteger(choice.points) || choice.points < 0) {
      return { ok: false, code: "invalid_request", error: rightsErrorText("invalid_request", t) }
    }
    body.points = choice.points
  }
  if (choice.benefit_id !== undefined) {
    if (choice.benefit_id !== null && (typeof choice.benefit_id !== "string" || !BENEFIT_ID_RE.test(choice.benefit_id))) {
      return { ok: false, code: "benefit_not_eligible", error: rightsErrorText("benefit_not_eligible", t) }
    }
    body.benefit_id = choice.benefit_id
  }
  try {
    let notice: string | undefined
    let applied = await applyCartRights(cartId, body)
    if (!applied.ok && applied.code === "points_cap_exceeded" && body.benefit_id !== undefined && (body.points ?? 0) > 0) {
      // the new benefit lowers what points may pay: take the benefit, then as many points as now fit
      const withBenefit = await applyCartRights(cartId, { benefit_id: body.benefit_id, points: 0 })
      if (withBenefit.ok) {
        const limits = await retrieveCartRights(cartId)
        const points = Math.min(body.points ?? 0, limits?.points.max_for_cart ?? 0)
        applied = points > 0 ? await applyCartRights(cartId, { points }) : withBenefit
        if (applied.ok) notice = t("rights.pointsAdjusted", { points: points.toLocaleString("en-US") })
      } else {
        applied = withBenefit
      }
    }
    const view = await retrieveCartRights(cartId)
    revalidatePath("/checkout")
    if (!view) return { ok: false, error: t("rights.loggedOut") }
    if (!applied.ok) return { ok: false, code: applied.code, error: rightsErrorText(applied.code, t, applied.message), view }
    return { ok: true, view, ...(notice ? { notice } : {}) }
  } catch (error) {
    return { ok: false, error: t("rights.errors.failed", { message: readableError(error) }) }
  }
}

/** The cart's rights as the server sees them now (after a refusal, or when the cart changed). */
export async function refreshRights(): Promise<RightsActionResult> {
  const { t } = await getI18n()
  const cartId = await getCartId()
  if (!cartId) return { ok: false, error: t("checkout.errors.noCart") }
  try {
    const view = await retrieveCartRights(cartId)
    if (!view) return { ok: false, error: t("rights.loggedOut") }
    return { ok: true, view }
  } catch (error) {
    return { ok: false, error: t("rights.errors.failed", { message: readableError(error) }) }
  }
}
