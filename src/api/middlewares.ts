import { defineMiddlewares, errorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import cors from "cors"
import { adminMiddlewares } from "./admin/admin-middlewares"
import { adminReconciliationMiddlewares } from "./admin/settlements/reconciliation/middlewares"
import { storeMiddlewares } from "./store/store-middlewares"
import { searchMiddlewares } from "./search-middlewares"
import { cinemaMiddlewares } from "./cinema-middlewares"
import { travelMiddlewares } from "./travel-middlewares"
import { mallMiddlewares } from "./mall-middlewares"
import { auditTerminalCall } from "./terminal/v1/audit-terminal-call"
import { emitVoucherActivity } from "./terminal-settlement-events"
import { authenticateTerminal } from "./terminal/v1/authenticate-terminal"
import { sendTerminalError } from "./terminal/v1/terminal-context"

const medusaErrorHandler = errorHandler()

// The web terminal signs requests in the browser and calls the backend directly.
const terminalCors = cors({
  origin: (process.env.TERMINAL_CORS || process.env.STORE_CORS || "http://localhost:8000").split(","),
  allowedHeaders: ["content-type", "x-terminal-key", "x-timestamp", "x-nonce", "x-signature", "idempotency-key"],
  methods: ["GET", "POST"],
  maxAge: 600,
})

// One authentication pass per request: a nonce is claimed once, so it must not run twice.
function signedUnlessPairing(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "OPTIONS" || req.originalUrl.split("?")[0] === "/terminal/v1/pair") return next()
  return authenticateTerminal(req as any, res, next)
}

export default defineMiddlewares({
  routes: [
    {
      matcher: "/terminal/v1/*",
      bodyParser: { preserveRawBody: true, sizeLimit: "16kb" },
      middlewares: [terminalCors as any, auditTerminalCall as any, emitVoucherActivity as any, signedUnlessPairing as any],
    },
    ...adminMiddlewares,
    ...adminReconciliationMiddlewares,
    ...storeMiddlewares,
    ...searchMiddlewares,
    ...cinemaMiddlewares,
    ...travelMiddlewares,
    ...mallMiddlewares,
  ],
  // Terminal routes answer { code, message } even for errors raised before a handler runs
  // (malformed JSON, oversized bodies); a 500 is never the answer to bad input.
  errorHandler: (error: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (!req.originalUrl?.startsWith("/terminal/")) {
      // our routes promise a machine code on every 4xx; Medusa's validation errors carry none
      if (error && typeof error === "object" && !error.code && error.type === "invalid_data") error.code = "invalid_request"
      return medusaErrorHandler(error, req, res, next)
    }
    const status = Number(error?.status || error?.statusCode) || 500
    if (status >= 400 && status < 500) return sendTerminalError(res, "invalid_request", error?.type === "entity.too.large" ? "Request body too large." : "Malformed request body.")
    req.scope?.resolve?.("logger")?.error?.(error)
    res.status(500).json({ code: "internal_error", message: "Something went wrong; the request was not applied." })
  },
})
