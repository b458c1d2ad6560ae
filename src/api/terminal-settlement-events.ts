import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/**
 * After a terminal redeemed or reversed (a 2xx with a voucher in the body), tell the rest of the
 * platform: settlement posts it. Emitted once the answer is out, so the till never waits on it.
 */
export function emitVoucherActivity(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.originalUrl.split("?")[0]
  const event = path === "/terminal/v1/redeem" ? "voucher.redeemed" : /^\/terminal\/v1\/redemptions\/[^/]+\/reverse$/.test(path) ? "voucher.redemption_reversed" : null
  if (!event || req.method !== "POST") return next()
  const json = res.json.bind(res)
  let voucherId: string | undefined
  res.json = (body: any) => {
    voucherId = typeof body?.voucher?.id === "string" ? body.voucher.id : undefined
    return json(body)
  }
  res.on("finish", () => {
    if (!voucherId || res.statusCode >= 300) return
    const eventBus = req.scope.resolve(Modules.EVENT_BUS)
    eventBus.emit({ name: event, data: { voucher_id: voucherId } }).catch((e: any) => req.scope.resolve("logger").warn(`${event} not emitted: ${e?.message}`))
  })
  next()
}
