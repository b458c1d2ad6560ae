import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VOUCHER_MODULE } from "../../modules/voucher"
import type VoucherModuleService from "../../modules/voucher/service"

export type VoucherLine = {
  order_id: string
  customer_id: string | null
  line_item_id: string
  quantity: number
  ordered_at: string
  /** the line item's metadata: `voucher` holds a scene's validity and details (unit-overrides.ts) */
  metadata: Record<string, any> | null
  template: Record<string, any>
}

/** The order's lines whose variant has a voucher template; reads only. */
export const loadOrderVoucherLinesStep = createStep("load-order-voucher-lines", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    // quantity is computed from the order item detail, so it needs the whole item
    fields: ["id", "customer_id", "created_at", "items.*"],
    filters: { id: input.order_id },
  })
  if (!order) return new StepResponse([] as VoucherLine[])
  const variantIds = (order.items ?? []).map((i: any) => i?.variant_id).filter(Boolean) as string[]
  if (!variantIds.length) return new StepResponse([] as VoucherLine[])
  const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
  const templates = await vouchers.listVoucherTemplates({ product_variant_id: variantIds })
  const byVariant = new Map(templates.map((t: any) => [t.product_variant_id, t]))
  const lines: VoucherLine[] = []
  for (const item of order.items ?? []) {
    const template = item?.variant_id ? byVariant.get(item.variant_id) : undefined
    if (!item || !template) continue
    lines.push({
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      line_item_id: item.id,
      quantity: Number(item.quantity),
      ordered_at: new Date(order.created_at as any).toISOString(),
      metadata: (item as any).metadata ?? null,
      template,
    })
  }
  return new StepResponse(lines)
})
