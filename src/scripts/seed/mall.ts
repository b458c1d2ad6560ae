import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { majorToFen } from "../../lib/money"
import { setMallPointsPriceWorkflow } from "../../workflows/set-mall-points-price"
import { pointsPriceOf } from "../../workflows/steps/mall-points-price"

type SeedCtx = { container: MedusaContainer; logger: Logger; created: string[] }

/**
 * Demo points-plus-cash goods. Cash + points' value equals the catalogue price, so the price the
 * catalogue seeds and the price these set agree: the bottle stays ¥79 = ¥59 + 2,000 points.
 */
export const MALL_POINTS_PRICES: Array<{ handle: string; cash: number; points: number }> = [
  { handle: "palmlife-insulated-bottle", cash: 59, points: 2000 },
  { handle: "yunnan-puer-tea-cake", cash: 128, points: 4000 },
]

/** Idempotent: a variant that already has its points price is left alone. */
export async function ensureMallPointsPrices(ctx: SeedCtx) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id", "variants.metadata"],
    filters: { handle: MALL_POINTS_PRICES.map((p) => p.handle) },
  })
  for (const want of MALL_POINTS_PRICES) {
    const product = products.find((p: any) => p.handle === want.handle)
    for (const v of ((product as any)?.variants ?? []).filter(Boolean)) {
      if (pointsPriceOf(v.metadata) === want.points) continue
      await setMallPointsPriceWorkflow(ctx.container).run({ input: { variant_id: v.id, points: want.points, cash_fen: majorToFen(want.cash) } })
      ctx.created.push(`points-plus-cash price of ${want.handle}`)
      ctx.logger.info(`[seed] priced ${want.handle} at ¥${want.cash} + ${want.points} points`)
    }
  }
}
