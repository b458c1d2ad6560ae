import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AdminSetPointsPrice } from "./admin/mall/validators"

// Validation for the mall's own routes; Medusa authenticates every /admin route before these run.
export const mallMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/mall/orders/*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/mall/orders/:id/tracking", methods: ["GET"], middlewares: [validateAndTransformQuery(z.object({}).strict() as any, {})] },
  { matcher: "/admin/mall/variants/:id/points-price", methods: ["POST"], middlewares: [validateAndTransformBody(AdminSetPointsPrice as any)] },
]
