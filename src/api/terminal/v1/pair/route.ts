import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../modules/merchant"
import type MerchantModuleService from "../../../../modules/merchant/service"
import { parseTerminalInput } from "../parse-terminal-input"
import { sendTerminalError } from "../terminal-context"
import { PairBody } from "../validators"

// Unsigned by design: the device has no secret yet. The 8-digit code is single-use and expires.
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const body = parseTerminalInput(PairBody, req.body, res)
  if (!body) return
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const paired = await merchants.pairTerminal(body.pairing_code)
  if (!paired) return sendTerminalError(res, "unauthorized", "Unknown or expired pairing code.")
  const [store] = await merchants.listMerchantStores({ id: paired.store_id }, { relations: ["merchant"] })
  res.status(201).json({
    terminal: { id: paired.id, key_id: paired.key_id, secret: paired.secret, name: paired.name },
    store: { id: store.id, name: store.name },
    merchant: { id: store.merchant.id, name: store.merchant.name },
  })
}
