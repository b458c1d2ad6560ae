import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RightsLine } from "../../modules/rights/rules"

/**
 * Points-plus-cash goods ("¥59 + 2,000 points"): the variant's Medusa price is the whole value
 * (cash + points at 1 point = 1 fen, so ¥79 here) and `metadata.points_price` is the points each
 * unit must be paid with. Checkout pays those points as the rights points credit line, so ledger,
 * lots, refunds and settlement see ordinary points; only the amount is fixed instead of chosen.
 */
export const POINTS_PRICE_KEY = "points_price"

/** Points per unit a variant's metadata asks for; 0 for ordinary goods or anything malformed. */
export function pointsPriceOf(metadata: unknown): number {
  const v = (metadata as Record<string, unknown> | null | undefined)?.[POINTS_PRICE_KEY]
  const n = typeof v === "string" ? Number(v) : v
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** Sets `fixed_points` on the lines whose variant has a points-plus-cash price, read fresh from the database. */
export async function withFixedPoints(
  container: MedusaContainer,
  lines: RightsLine[],
  items: Array<{ id: string; variant_id?: string | null } | null | undefined>
): Promise<RightsLine[]> {
  const variantOf = new Map<string, string>()
  for (const i of items) if (i?.id && i.variant_id) variantOf.set(i.id, i.variant_id)
  const ids = [...new Set(variantOf.values())]
  if (!ids.length) return lines
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "metadata"], filters: { id: ids } })
  const perUnit = new Map<string, number>(variants.map((v: any) => [v.id, pointsPriceOf(v.metadata)] as [string, number]))
  for (const l of lines) {
    const points = perUnit.get(variantOf.get(l.id) ?? "") ?? 0
    if (points > 0) l.fixed_points = points * l.quantity
  }
  return lines
}
