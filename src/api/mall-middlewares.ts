import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "@medusajs/framework/http"
import { AdminSetPointsPrice } from "./admin/mall/validators"

// Validation for the mall's own routes; Medusa authenticates every /admin route before these run.
export const mallMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/mall/variants/:id/points-price", methods: ["POST"], middlewares: [validateAndTransformBody(AdminSetPointsPrice as any)] },
]
