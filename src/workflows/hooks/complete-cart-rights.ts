import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { RIGHTS_MODULE } from "../../modules/rights"
import { rightsError, toMedusaError } from "../../modules/rights/rights-error"
import { assertRequiredPoints } from "../../modules/rights/rules"
import type RightsModuleService from "../../modules/rights/service"
import { loadCartRightsContext } from "../steps/cart-rights-context"
import { planCartRights } from "../steps/plan-cart-rights"

/**
 * When a cart completes, its points are burned and its benefit quota taken — atomically, once, and
 * only if they still match the cart: the server re-plans them from the cart as it is now. If the
 * checkout fails later (card declined, stock), the compensation gives both back.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const ctx = await loadCartRightsContext(container, (cart as any).id)
    const applied = ctx.applied
    if (!applied || (applied.points === 0 && !applied.benefit_program_id)) {
      if (ctx.rightsCreditLines.length) throw rightsError("rights_changed", "The cart's points or benefit changed; apply them again.")
      // points-plus-cash goods are never sold for cash alone
      if (ctx.lines.some((l) => (l.fixed_points ?? 0) > 0)) throw rightsError("points_required", "Points-plus-cash goods need their points applied first.")
      return new StepResponse(undefined, null)
    }
    // a completed cart being completed again (Medusa answers with the existing order)
    if (applied.status === "taken") return new StepResponse(undefined, null)
    const { plan, program } = planCartRights(ctx, applied.points, applied.benefit_program_id)
    try {
      assertRequiredPoints(plan)
    } catch (e) {
      throw toMedusaError(e)
    }
    if (
      plan.points_value !== applied.points_value ||
      plan.benefit_value !== applied.benefit_value ||
      ctx.creditedPoints !== plan.points_value ||
      ctx.creditedBenefit !== plan.benefit_value
    ) {
      throw rightsError("rights_changed", "The cart changed after points or a benefit were applied; apply them again.")
    }
    const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
    try {
      const { took } = await rights.takeCartRights({
        cart_id: ctx.cart.id,
        customer_id: ctx.customerId!,
        points: plan.points,
        benefit: program ? { ...program, value_fen: plan.benefit_value } : null,
      })
      return new StepResponse(undefined, took ? (ctx.cart.id as string) : null)
    } catch (e) {
      throw toMedusaError(e)
    }
  },
  async (cartId, { container }) => {
    if (!cartId) return
    const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
    await rights.releaseCartRights(cartId)
  }
)
