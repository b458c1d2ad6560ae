import { createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { businessDayWindow, reconcile, type ReconciliationResult } from "../modules/settlement/reconcile"
import { loadOurCardMovementsStep } from "./steps/reconciliation-our-movements"
import { resolveReconciliationProviderStep } from "./steps/reconciliation-provider"
import { loadProviderMovementsStep } from "./steps/reconciliation-provider-movements"

export type ReconcileBusinessDayOutput = ReconciliationResult & {
  business_date: string
  provider: "stripe" | null
  window: { from: string; to: string }
}

/**
 * Reconciles one Asia/Shanghai business day: the card captures and refunds Medusa recorded
 * against the balance transactions the payment provider booked in the same window; lists what is
 * missing at the provider, extra there, or differs in amount (fen). Reads only; nothing to undo.
 */
export const reconcileBusinessDayWorkflow = createWorkflow("reconcile-business-day", (input: { business_date: string }) => {
  const provider = resolveReconciliationProviderStep()
  const window = transform({ input, provider }, ({ input, provider }) => ({ ...businessDayWindow(input.business_date), provider: provider.provider }))
  const [ours, theirs] = parallelize(loadOurCardMovementsStep(window), loadProviderMovementsStep(window))
  const result = transform({ input, window, ours, theirs }, ({ input, window, ours, theirs }): ReconcileBusinessDayOutput => ({
    business_date: input.business_date,
    provider: window.provider,
    window: { from: window.from, to: window.to },
    ...reconcile(ours, theirs),
  }))
  return new WorkflowResponse(result)
})
