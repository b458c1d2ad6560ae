import { z } from "@medusajs/framework/zod"

/** Yuan with at most 2 decimals, as Medusa's admin API takes prices. */
const yuan = z.number().nonnegative().max(1_000_000).refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
  message: "cash must be in yuan with at most 2 decimals",
})

/**
 * `POST /admin/mall/variants/:id/points-price { points, cash }`: "¥59 + 2,000 points" is
 * `{ points: 2000, cash: 59 }`; `points: 0` makes the variant an ordinary cash price again.
 */
export const AdminSetPointsPrice = z
  .object({
    points: z.number().int().min(0).max(10_000_000),
    cash: yuan,
  })
  .strict()
  .refine((b) => b.points > 0 || b.cash > 0, { message: "a price needs cash, points or both" })

export type AdminSetPointsPriceType = z.infer<typeof AdminSetPointsPrice>
