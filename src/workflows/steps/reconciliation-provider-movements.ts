import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MovementKind, ProviderMovement } from "../../modules/settlement/reconcile"
import { reconciliationStripeClient } from "./reconciliation-provider"

type Window = { from: string; to: string; provider: "stripe" | null }

const KINDS: { type: string; kind: MovementKind }[] = [
  { type: "charge", kind: "capture" },
  { type: "refund", kind: "refund" },
]

/**
 * The provider's balance transactions for charges and refunds created in [from, to), paged 100 at a
 * time through Stripe's list API with each transaction's source expanded: a charge names its
 * PaymentIntent, a refund names it too or through its charge.
 */
export async function listProviderMovements(stripe: any, window: { from: string; to: string }): Promise<ProviderMovement[]> {
  const created = { gte: Math.floor(Date.parse(window.from) / 1000), lt: Math.ceil(Date.parse(window.to) / 1000) }
  const intentOfCharge = new Map<string, string | null>()
  const chargeIntent = async (charge: any): Promise<string | null> => {
    if (charge && typeof charge === "object") return charge.payment_intent ?? null
    if (typeof charge !== "string") return null
    if (!intentOfCharge.has(charge)) intentOfCharge.set(charge, (await stripe.charges.retrieve(charge)).payment_intent ?? null)
    return intentOfCharge.get(charge)!
  }

  const movements: ProviderMovement[] = []
  for (const { type, kind } of KINDS) {
    for await (const txn of stripe.balanceTransactions.list({ type, created, limit: 100, expand: ["data.source"] })) {
      const source = txn.source
      const sourceId = typeof source === "string" ? source : source?.id
      let intent: any = null
      if (kind === "capture") intent = await chargeIntent(source)
      else if (source && typeof source === "object") intent = source.payment_intent ?? (await chargeIntent(source.charge))
      movements.push({
        kind,
        balance_transaction: txn.id,
        source: sourceId,
        payment_intent: typeof intent === "string" ? intent : (intent?.id ?? null),
        currency_code: String(txn.currency).toLowerCase(),
        amount: Math.abs(txn.amount),
        created_at: new Date(txn.created * 1000).toISOString(),
      })
    }
  }
  return movements
}

export const loadProviderMovementsStep = createStep("reconciliation-load-provider-movements", async (window: Window, { container }) => {
  const stripe = window.provider === "stripe" ? reconciliationStripeClient(container) : null
  if (!stripe) return new StepResponse([] as ProviderMovement[])
  try {
    return new StepResponse(await listProviderMovements(stripe, window))
  } catch (err: any) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The payment provider's balance transactions could not be read: ${err?.message ?? err}`)
  }
})
