import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"
import { TerminalRequest } from "./terminal-context"

/** Audits every call once the response is sent (terminal, code HMAC, result, latency), off the hot path. */
export function auditTerminalCall(req: TerminalRequest, res: MedusaResponse, next: MedusaNextFunction) {
  res.locals.startedAt = process.hrtime.bigint()
  res.on("finish", () => {
    if (res.locals.audited) return
    recordCall(req, res, res.statusCode).catch((e) => req.scope.resolve("logger").warn(`terminal audit failed: ${e.message}`))
  })
  next()
}

function recordCall(req: TerminalRequest, res: MedusaResponse, status: number) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  return merchants.recordTerminalCall({
    terminal_id: res.locals.terminalId ?? null,
    key_id: res.locals.terminalKeyId ?? null,
    action: `${req.method} ${req.originalUrl.split("?")[0].slice(0, 200)}`,
    code_hmac: res.locals.codeHmac ?? null,
    result: res.locals.terminalResult ?? (status < 400 ? "ok" : "error"),
    http_status: status,
    latency_ms: Number(process.hrtime.bigint() - (res.locals.startedAt ?? process.hrtime.bigint())) / 1e6,
  })
}

/**
 * An unknown code is audited before the answer goes out, so the lockout (20 unknown codes in
 * 10 minutes) takes effect on exactly the call that crosses the line.
 */
export async function auditUnknownCodeNow(req: TerminalRequest, res: MedusaResponse, status: number) {
  res.locals.audited = true
  await recordCall(req, res, status)
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await merchants.lockIfGuessing(res.locals.terminalId)
}
