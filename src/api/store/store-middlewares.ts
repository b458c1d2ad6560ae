import type { MiddlewareRoute } from "@medusajs/framework/http"

// Validation and auth for the consumer routes under /store (wallet).
export const storeMiddlewares: MiddlewareRoute[] = []
