import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshPaymentCollectionForCartWorkflow } from "@medusajs/medusa/core-flows"
import { rightsError, toMedusaError } from "../modules/rights/rights-error"
import { assertRequiredPoints } from "../modules/rights/rules"
import { loadCartRightsContext } from "./steps/cart-rights-context"
import { planCartRights } from "./steps/plan-cart-rights"
import { replaceRightsCreditLinesStep } from "./steps/replace-rights-credit-lines"
import { saveCartRightsStep } from "./steps/save-cart-rights"

export type ApplyCartRightsInput = {
  cart_id: string
  customer_id: string
  /** undefined keeps what the cart has */
  points?: number
  /** undefined keeps, null removes */
  benefit_id?: string | null
}

/** Works out the rights on the server from the cart as it is; nothing the client says about totals counts. */
const planCartRightsStep = createStep("plan-cart-rights", async (input: ApplyCartRightsInput, { container }) => {
  const ctx = await loadCartRightsContext(container, input.cart_id)
  if (ctx.customerId !== input.customer_id) throw rightsError("invalid_request", "This cart belongs to someone else.")
  const points = input.points ?? ctx.applied?.points ?? 0
  const benefitId = input.benefit_id === undefined ? ctx.applied?.benefit_program_id ?? null : input.benefit_id
  const { plan, program } = planCartRights(ctx, points, benefitId)
  try {
    assertRequiredPoints(plan)
  } catch (e) {
    throw toMedusaError(e)
  }
  return new StepResponse({ plan, benefit_id: program?.id ?? null })
})

export const applyCartRightsWorkflow = createWorkflow("apply-cart-rights", (input: ApplyCartRightsInput) => {
  const planned = planCartRightsStep(input)
  const choice = transform({ planned, input }, ({ planned, input }) => ({
    cart_id: input.cart_id,
    customer_id: input.customer_id,
    points: planned.plan.points,
    points_value: planned.plan.points_value,
    benefit_program_id: planned.benefit_id,
    benefit_id: planned.benefit_id,
    benefit_value: planned.plan.benefit_value,
  }))
  replaceRightsCreditLinesStep(choice)
  const saved = transform({ choice }, ({ choice }) => {
    const { benefit_id: _b, ...row } = choice
    return row
  })
  saveCartRightsStep(saved)
  refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
  return new WorkflowResponse(planned)
})
