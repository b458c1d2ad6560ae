import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fenToMajor } from "../../../../lib/money"
import type { OurMovement, ProviderMovement } from "../../../../modules/settlement/reconcile"
import { reconcileBusinessDayWorkflow } from "../../../../workflows/reconcile-business-day"
import { AdminReconciliationQuery, type AdminReconciliationQueryType } from "./validators"

const ours = (m: OurMovement) => ({
  kind: m.kind,
  payment_intent: m.payment_intent,
  order_id: m.order_id,
  payment_id: m.payment_id,
  [m.kind === "capture" ? "capture_id" : "refund_id"]: m.id,
  amount: fenToMajor(m.amount),
  currency_code: m.currency_code,
  created_at: m.created_at,
})

const theirs = (m: ProviderMovement, orderId: string | null) => ({
  kind: m.kind,
  payment_intent: m.payment_intent,
  order_id: orderId,
  balance_transaction: m.balance_transaction,
  source: m.source,
  amount: fenToMajor(m.amount),
  currency_code: m.currency_code,
  created_at: m.created_at,
})

/** The query as validated by adminReconciliationMiddlewares, or validated here when they are not registered. */
function businessDateOf(req: AuthenticatedMedusaRequest): string {
  const validated = (req as any).validatedQuery as AdminReconciliationQueryType | undefined
  if (validated?.business_date) return validated.business_date
  const parsed = AdminReconciliationQuery.safeParse(req.query)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "))
  return parsed.data.business_date
}

/**
 * GET /admin/settlements/reconciliation?business_date=YYYY-MM-DD — the day's card captures and
 * refunds recorded by Medusa against the payment provider's balance transactions; amounts in yuan.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const business_date = businessDateOf(req)
  const { result } = await reconcileBusinessDayWorkflow(req.scope).run({ input: { business_date } })
  if (!result.provider) {
    res.json({
      business_date,
      provider: null,
      message: "No card payment provider is configured (set STRIPE_API_KEY): there is nothing to reconcile against.",
      summary: { matched: 0, missing: 0, extra: 0, differing: 0 },
      missing: [],
      extra: [],
      differing: [],
    })
    return
  }
  res.json({
    business_date,
    provider: result.provider,
    window: result.window,
    summary: result.summary,
    missing: result.missing.map(ours),
    extra: result.extra.map((m) => theirs(m, m.order_id)),
    differing: result.differing.map((d) => ({
      kind: d.kind,
      payment_intent: d.payment_intent,
      order_id: d.order_id,
      amount: fenToMajor(d.ours.amount),
      provider_amount: fenToMajor(d.theirs.amount),
      difference: fenToMajor(d.difference),
      ours: ours(d.ours),
      theirs: theirs(d.theirs, d.order_id),
    })),
  })
}
