import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

const WalletQuery = z.object({}).strict()
const WalletParams = z.object({}).strict()
const RefundBody = z.object({}).strict()
const RightsQuery = z.object({}).strict()
const PointsHistoryQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
const CartRightsBody = z
  .object({
    // points are whole: 100 points = ¥1
    points: z.number().int().min(0).max(1_000_000_000).optional(),
    benefit_id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_]+$/).nullable().optional(),
  })
  .strict()

// Validation and auth for the consumer routes under /store (wallet).
export const storeMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/wallet/*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { matcher: "/store/wallet/vouchers", methods: ["GET"], middlewares: [validateAndTransformQuery(WalletQuery as any, {})] },
  { matcher: "/store/wallet/vouchers/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(WalletParams as any, {})] },
  { matcher: "/store/wallet/vouchers/:id/refund", methods: ["POST"], middlewares: [validateAndTransformBody(RefundBody as any)] },
  { matcher: "/store/rights*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/rights", methods: ["GET"], middlewares: [validateAndTransformQuery(RightsQuery as any, {})] },
  { matcher: "/store/rights/points", methods: ["GET"], middlewares: [validateAndTransformQuery(PointsHistoryQuery as any, {})] },
  { matcher: "/store/carts/:id/rights", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/carts/:id/rights", methods: ["GET"], middlewares: [validateAndTransformQuery(RightsQuery as any, {})] },
  { matcher: "/store/carts/:id/rights", methods: ["POST"], middlewares: [validateAndTransformBody(CartRightsBody as any)] },
]
