import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"
import type { TerminalCallEntry } from "../../../modules/merchant/service"
import { TerminalRequest } from "./terminal-context"

/** Audits every call once the response is sent (terminal, code HMAC, result, latency), off the hot path. */
export function auditTerminalCall(req: TerminalRequest, res: MedusaResponse, next: MedusaNextFunction) {
  res.locals.startedAt = process.hrtime.bigint()
  res.on("finish", () => {
    if (res.locals.audited) return
    // batched with other calls' rows (one statement per batch), written right after
    const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
    const logger = req.scope.resolve("logger")
    merchants.queueTerminalCall(callEntry(req, res, res.statusCode), (e, rows) => logger.warn(`terminal audit failed (${rows} rows): ${e.message}`))
  })
  next()
}

function callEntry(req: TerminalRequest, res: MedusaResponse, status: number): TerminalCallEntry {
  return {
    terminal_id: res.locals.terminalId ?? null,
    key_id: res.locals.terminalKeyId ?? null,
    action: `${req.method} ${req.originalUrl.split("?")[0].slice(0, 200)}`,
    code_hmac: res.locals.codeHmac ?? null,
    result: res.locals.terminalResult ?? (status < 400 ? "ok" : "error"),
    http_status: status,
    latency_ms: Number(process.hrtime.bigint() - (res.locals.startedAt ?? process.hrtime.bigint())) / 1e6,
  }
}

/**
 * An unknown code is audited before the answer goes out, so the lockout (20 unknown codes in
 * 10 minutes) takes effect on exactly the call that crosses the line.
 */
export async function auditUnknownCodeNow(req: TerminalRequest, res: MedusaResponse, status: number) {
  res.locals.audited = true
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  await merchants.recordTerminalCall(callEntry(req, res, status))
  await merchants.lockIfGuessing(res.locals.terminalId)
}
