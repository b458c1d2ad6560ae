import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { fenToMajor } from "../../../../../lib/money"
import { applyCartRightsWorkflow } from "../../../../../workflows/apply-cart-rights"
import { loadCartRightsContext } from "../../../../../workflows/steps/cart-rights-context"
import { planCartRights } from "../../../../../workflows/steps/plan-cart-rights"
import { benefitView, cartRightsView } from "../../../rights/rights-view"
import { planRights } from "../../../../../modules/rights/rules"

type RightsBody = { points?: number; benefit_id?: string | null }

async function ownCart(req: AuthenticatedMedusaRequest) {
  const ctx = await loadCartRightsContext(req.scope, req.params.id)
  // someone else's cart looks like no cart at all
  if (ctx.customerId !== req.auth_context.actor_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} was not found.`, "not_found")
  return ctx
}

/** What the cart has applied now, and what the customer could apply: points limit and benefits. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ctx = await ownCart(req)
  const bare = planCartRights(ctx, 0, null)
  let current
  try {
    current = planCartRights(ctx, ctx.applied?.points ?? 0, ctx.applied?.benefit_program_id ?? null)
  } catch {
    current = null // stale: the cart changed since; the checkout applies again
  }
  const benefits = ctx.programs.map((p) => {
    let value = 0
    try {
      value = planRights({ lines: ctx.lines, shipping: ctx.shipping, benefit: p, points: 0, balance: 0, burnBps: ctx.burnBps }).benefit_value
    } catch {
      value = 0
    }
    const remaining = ctx.remaining.get(p.id) ?? 0
    return { ...benefitView(p, remaining), value_for_cart: fenToMajor(value), eligible: value > 0 && remaining > 0 }
  })
  res.json({
    rights: current
      ? cartRightsView(current.plan, current.program?.id ?? null)
      : { ...cartRightsView(bare.plan, null), stale: true },
    points: { balance: ctx.balance, max_for_cart: Math.min(ctx.balance, (current ?? bare).plan.max_points), min_for_cart: bare.plan.min_points },
    benefits,
  })
}

/** Applies points and/or a benefit; the server plans every amount, the client only chooses. */
export async function POST(req: AuthenticatedMedusaRequest<RightsBody>, res: MedusaResponse) {
  await ownCart(req)
  const body = req.validatedBody as RightsBody
  const locking = req.scope.resolve(Modules.LOCKING)
  // two taps on "apply" must not interleave their credit-line swaps
  const { result } = await locking.execute(`cart-rights:${req.params.id}`, () =>
    applyCartRightsWorkflow(req.scope).run({
      input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, points: body.points, benefit_id: body.benefit_id },
    })
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "total", "subtotal", "item_total", "shipping_total", "discount_total", "credit_line_total", "items.*", "credit_lines.*"],
    filters: { id: req.params.id },
  })
  res.json({ cart, rights: cartRightsView(result.plan, result.benefit_id) })
}
