import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fenToMajor } from "../../lib/money"
import { BENEFIT_CREDIT_LINE, POINTS_CREDIT_LINE } from "./cart-rights-context"

type CreditLineInput = { cart_id: string; amount: number; reference: string; reference_id: string; metadata: Record<string, unknown> }

/**
 * Points and benefits lower the cart total as Medusa credit lines, which Medusa carries into the
 * order and which let a fully rights-paid cart complete without a payment session.
 */
export const replaceRightsCreditLinesStep = createStep(
  "replace-rights-credit-lines",
  async (input: { cart_id: string; points: number; points_value: number; benefit_id: string | null; benefit_value: number }, { container }) => {
    const cartModule: any = container.resolve(Modules.CART)
    const existing = (await cartModule.listCreditLines({ cart_id: input.cart_id })).filter((c: any) =>
      [POINTS_CREDIT_LINE, BENEFIT_CREDIT_LINE].includes(c.reference)
    )
    if (existing.length) await cartModule.deleteCreditLines(existing.map((c: any) => c.id))
    const lines: CreditLineInput[] = []
    if (input.points_value > 0) {
      lines.push({ cart_id: input.cart_id, amount: fenToMajor(input.points_value), reference: POINTS_CREDIT_LINE, reference_id: input.cart_id, metadata: { points: input.points } })
    }
    if (input.benefit_id && input.benefit_value > 0) {
      lines.push({ cart_id: input.cart_id, amount: fenToMajor(input.benefit_value), reference: BENEFIT_CREDIT_LINE, reference_id: input.benefit_id, metadata: {} })
    }
    if (lines.length) await cartModule.createCreditLines(lines)
    const previous: CreditLineInput[] = existing.map((c: any) => ({
      cart_id: c.cart_id,
      amount: c.raw_amount ?? c.amount,
      reference: c.reference,
      reference_id: c.reference_id,
      metadata: c.metadata ?? {},
    }))
    return new StepResponse(undefined, { cart_id: input.cart_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const cartModule: any = container.resolve(Modules.CART)
    const now = (await cartModule.listCreditLines({ cart_id: undo.cart_id })).filter((c: any) =>
      [POINTS_CREDIT_LINE, BENEFIT_CREDIT_LINE].includes(c.reference)
    )
    if (now.length) await cartModule.deleteCreditLines(now.map((c: any) => c.id))
    if (undo.previous.length) await cartModule.createCreditLines(undo.previous)
  }
)
