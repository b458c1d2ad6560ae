import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

const WalletQuery = z.object({}).strict()
const WalletParams = z.object({}).strict()
const RefundBody = z.object({}).strict()

// Validation and auth for the consumer routes under /store (wallet).
export const storeMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/wallet/*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { matcher: "/store/wallet/vouchers", methods: ["GET"], middlewares: [validateAndTransformQuery(WalletQuery as any, {})] },
  { matcher: "/store/wallet/vouchers/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(WalletParams as any, {})] },
  { matcher: "/store/wallet/vouchers/:id/refund", methods: ["POST"], middlewares: [validateAndTransformBody(RefundBody as any)] },
]
