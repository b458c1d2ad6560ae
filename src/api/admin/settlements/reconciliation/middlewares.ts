import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminReconciliationQuery } from "./validators"

// The report is shaped by its route, so `fields` is not offered.
export const adminReconciliationMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/settlements/reconciliation",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminReconciliationQuery as any, { isList: false, defaults: ["business_date"] })],
  },
]
