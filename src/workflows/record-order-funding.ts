import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RIGHTS_MODULE } from "../modules/rights"
import { splitOrderFunding } from "../modules/rights/funding"
import type { RightsLine } from "../modules/rights/rules"
import type RightsModuleService from "../modules/rights/service"
import { postOrderSale, postPointsMovements } from "./settlement-postings"
import { fen } from "./steps/cart-rights-context"
import { withFixedPoints } from "./steps/mall-points-price"

/**
 * Funding split per order line and points earned on the cash, from the rights the cart took.
 * Idempotent (rows by line, the earn by its posting key): order.placed records it, and a refund
 * that comes first records it too rather than refund without it.
 */
export async function recordOrderFunding(container: MedusaContainer, input: { order_id: string }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  const [{ data: [order] }, { data: [orderCart] }] = await Promise.all([
    query.graph({ entity: "order", fields: ["id", "customer_id", "created_at", "shipping_total", "items.*", "items.total"], filters: { id: input.order_id } }),
    query.graph({ entity: "order_cart", fields: ["cart_id", "order_id"], filters: { order_id: input.order_id } }),
  ])
  if (!order) return null
  const items = (order.items ?? []).filter(Boolean) as any[]
  const productIds = [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "metadata", "categories.id"], filters: { id: productIds } })
    : { data: [] as any[] }
  const byId = new Map<string, any>(products.map((p: any) => [p.id, p] as [string, any]))
  const lines: RightsLine[] = items.map((i) => ({
    id: i.id,
    product_id: i.product_id ?? null,
    scene: (byId.get(i.product_id)?.metadata?.scene as string) ?? null,
    category_ids: (byId.get(i.product_id)?.categories ?? []).map((c: any) => c.id),
    quantity: Number(i.quantity),
    total: fen(i.total),
  }))
  await withFixedPoints(container, lines, items)
  const cartId = (orderCart as any)?.cart_id ?? null
  const [taken] = cartId ? await rights.listCartRights({ cart_id: cartId, status: "taken" } as any) : []
  const [program] = taken?.benefit_program_id ? await rights.listBenefitPrograms({ id: taken.benefit_program_id }) : []
  const split = splitOrderFunding({
    lines,
    shipping: fen(order.shipping_total),
    benefit: program ? (program as any) : null,
    benefit_value: taken ? Number(taken.benefit_value) : 0,
    points_value: taken ? Number(taken.points_value) : 0,
    burnBps: await rights.burnRules(),
  })
  await rights.recordOrderFunding({
    order_id: order.id,
    cart_id: taken ? cartId : null,
    customer_id: (order.customer_id as string) ?? null,
    lines: split.lines,
    benefit: program ? { program_id: program.id, funder: (program as any).funder } : null,
    earn: split.earn,
  })
  await postOrderSale(container, order as any, {
    lines: split.lines,
    shipping: fen(order.shipping_total),
    benefit_funder: program ? ((program as any).funder as string) : null,
  })
  await postPointsMovements(container, { order_id: order.id, kinds: ["earn"] })
  return split
}

const recordOrderFundingStep = createStep("record-order-funding", async (input: { order_id: string }, { container }) => {
  return new StepResponse(await recordOrderFunding(container, input))
})

export const recordOrderFundingWorkflow = createWorkflow("record-order-funding", (input: { order_id: string }) => {
  return new WorkflowResponse(recordOrderFundingStep(input))
})
