import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { medusaAmountToFen, type OurMovement } from "../../modules/settlement/reconcile"
import { STRIPE_PROVIDER_ID } from "./reconciliation-provider"

const PAGE = 500

type Window = { from: string; to: string; provider: "stripe" | null }

/**
 * The card captures and refunds Medusa recorded in [from, to): rows of the payment module's
 * `capture` and `refund` on payments of the Stripe provider, keyset-paged by id, each with the
 * PaymentIntent (the payment's `data.id`) and the order of its payment collection.
 */
export const loadOurCardMovementsStep = createStep("reconciliation-load-our-movements", async (window: Window, { container }) => {
  if (!window.provider) return new StepResponse([] as OurMovement[])
  const payment = container.resolve(Modules.PAYMENT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const movements: (OurMovement & { payment_collection_id: string })[] = []
  const collect = async (kind: "capture" | "refund", list: (filters: any, config: any) => Promise<any[]>) => {
    for (let cursor: string | null = null; ; ) {
      const filters: any = { created_at: { $gte: window.from, $lt: window.to }, ...(cursor ? { id: { $gt: cursor } } : {}) }
      const rows = await list(filters, { relations: ["payment"], order: { id: "ASC" }, take: PAGE })
      for (const r of rows) {
        const p = r.payment
        if (p?.provider_id !== STRIPE_PROVIDER_ID || typeof p.data?.id !== "string") continue
        movements.push({
          kind,
          id: r.id,
          payment_id: p.id,
          payment_intent: p.data.id,
          order_id: null,
          payment_collection_id: p.payment_collection_id,
          currency_code: String(p.currency_code ?? "").toLowerCase(),
          amount: medusaAmountToFen(r.raw_amount ?? r.amount),
          created_at: new Date(r.created_at).toISOString(),
        })
      }
      if (rows.length < PAGE) break
      cursor = rows[rows.length - 1].id
    }
  }
  await collect("capture", (f, c) => payment.listCaptures(f, c))
  await collect("refund", (f, c) => payment.listRefunds(f, c))

  // the order behind each payment collection, through Medusa's order ↔ payment collection link
  const collectionIds = [...new Set(movements.map((m) => m.payment_collection_id).filter(Boolean))]
  const orderOf = new Map<string, string>()
  for (let i = 0; i < collectionIds.length; i += PAGE) {
    const { data } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order_id", "payment_collection_id"],
      filters: { payment_collection_id: collectionIds.slice(i, i + PAGE) },
    })
    for (const link of data as any[]) orderOf.set(link.payment_collection_id, link.order_id)
  }
  return new StepResponse(
    movements.map(({ payment_collection_id, ...m }) => ({ ...m, order_id: orderOf.get(payment_collection_id) ?? null }))
  )
})
