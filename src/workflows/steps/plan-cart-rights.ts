import { rightsError, toMedusaError } from "../../modules/rights/rights-error"
import { planRights, RightsPlan } from "../../modules/rights/rules"
import type { ProgramRow } from "../../modules/rights/service"
import type { CartRightsContext } from "./cart-rights-context"

/**
 * Plans `points` and `benefitId` against a cart as it is now: the benefit must be one of the
 * customer's open programs, apply to something in the cart and have quota left this period.
 */
export function planCartRights(ctx: CartRightsContext, points: number, benefitId: string | null): { plan: RightsPlan; program: ProgramRow | null } {
  if (!ctx.customerId) throw rightsError("invalid_request", "Log in to use points and benefits.")
  if (ctx.cart.completed_at) throw rightsError("invalid_request", "This cart is already checked out.")
  let program: ProgramRow | null = null
  if (benefitId) {
    program = ctx.programs.find((p) => p.id === benefitId) ?? null
    if (!program) throw rightsError("benefit_not_eligible", "This benefit is not available to you right now.")
    if ((ctx.remaining.get(program.id) ?? 0) <= 0) {
      throw rightsError("quota_exhausted", `"${program.name}" is used up for this ${program.quota_period}.`)
    }
  }
  try {
    const plan = planRights({
      lines: ctx.lines,
      shipping: ctx.shipping,
      benefit: program,
      points,
      balance: ctx.balance,
      burnBps: ctx.burnBps,
    })
    return { plan, program }
  } catch (e) {
    throw toMedusaError(e)
  }
}
