import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { majorToFen } from "../../lib/money"
import { RIGHTS_MODULE } from "../../modules/rights"
import { rightsError } from "../../modules/rights/rights-error"
import { RightsLine } from "../../modules/rights/rules"
import { withFixedPoints } from "./mall-points-price"
import type RightsModuleService from "../../modules/rights/service"
import { programOpen, ProgramRow } from "../../modules/rights/service"

export const POINTS_CREDIT_LINE = "rights_points"
export const BENEFIT_CREDIT_LINE = "rights_benefit"

/** Medusa amounts (numbers, strings or BigNumber-ish) in fen; totals computed in floating point are rounded to the fen. */
export function fen(v: unknown): number {
  const raw = typeof v === "object" && v !== null ? (v as any).numeric ?? (v as any).value : v ?? 0
  try {
    return majorToFen(String(raw))
  } catch {
    const n = Number(raw)
    if (!Number.isFinite(n)) throw new Error(`not an amount: ${String(raw)}`)
    return Math.round(n * 100)
  }
}

/** Everything the rights rules need about a cart, read fresh from the database. */
export async function loadCartRightsContext(container: MedusaContainer, cartId: string, now = new Date()) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: [
      "id", "customer_id", "completed_at", "currency_code", "total", "item_total", "shipping_total", "credit_line_total",
      "items.id", "items.quantity", "items.total", "items.product_id", "items.variant_id",
      "credit_lines.id", "credit_lines.reference", "credit_lines.reference_id", "credit_lines.amount",
      "customer.groups.id",
    ],
    filters: { id: cartId },
  })
  if (!cart) throw rightsError("invalid_request", `Cart ${cartId} was not found.`)
  const productIds = [...new Set((cart.items ?? []).map((i: any) => i?.product_id).filter(Boolean))] as string[]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: ["id", "metadata", "categories.id"], filters: { id: productIds } })
    : { data: [] as any[] }
  const byId = new Map<string, any>(products.map((p: any) => [p.id, p] as [string, any]))
  const lines: RightsLine[] = (cart.items ?? []).filter(Boolean).map((i: any) => {
    const p = byId.get(i.product_id)
    return {
      id: i.id,
      product_id: i.product_id ?? null,
      scene: (p?.metadata?.scene as string) ?? null,
      category_ids: (p?.categories ?? []).map((c: any) => c.id),
      quantity: Number(i.quantity),
      total: fen(i.total),
    }
  })
  await withFixedPoints(container, lines, cart.items ?? [])
  const rightsCreditLines = (cart.credit_lines ?? []).filter((c: any) => c && [POINTS_CREDIT_LINE, BENEFIT_CREDIT_LINE].includes(c.reference))
  const creditFen = (ref: string) => rightsCreditLines.filter((c: any) => c.reference === ref).reduce((s: number, c: any) => s + fen(c.amount), 0)
  // credit lines lower the total; the lines' own totals plus shipping are what rights may pay
  const shipping = fen(cart.shipping_total)

  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  const customerId = cart.customer_id as string | null
  const groupIds = ((cart.customer as any)?.groups ?? []).map((g: any) => g.id) as string[]
  const programs = (groupIds.length
    ? ((await rights.listBenefitPrograms({ customer_group_id: groupIds, status: "active" } as any)) as unknown as ProgramRow[])
    : []
  ).filter((p) => programOpen(p, now))
  const [balance, remaining, burnBps, [applied]] = await Promise.all([
    customerId ? rights.pointsBalance(customerId) : Promise.resolve(0),
    customerId ? rights.remainingQuota(customerId, programs, now) : Promise.resolve(new Map<string, number>()),
    rights.burnRules(),
    rights.listCartRights({ cart_id: cartId }),
  ])
  return {
    cart,
    customerId,
    lines,
    shipping,
    programs,
    balance,
    remaining,
    burnBps,
    applied: applied as any as { id: string; points: number; points_value: number; benefit_program_id: string | null; benefit_value: number; status: string } | undefined,
    rightsCreditLines,
    creditedPoints: creditFen(POINTS_CREDIT_LINE),
    creditedBenefit: creditFen(BENEFIT_CREDIT_LINE),
  }
}

export type CartRightsContext = Awaited<ReturnType<typeof loadCartRightsContext>>
