import type { MiddlewareRoute } from "@medusajs/framework/http"

// Validation and auth for the operator routes under /admin (merchants, stores, terminals, voucher templates).
export const adminMiddlewares: MiddlewareRoute[] = []
