import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { retrieveTerminalOr404 } from "../../load-terminal"
import { terminalView } from "../../../merchants/merchant-views"

// The old secret stops working at once; the new one and a fresh pairing code are shown this one time.
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const before = await retrieveTerminalOr404(merchants, req.params.id)
  const rotated = await merchants.rotateTerminalSecret(req.params.id)
  res.setHeader("Cache-Control", "no-store")
  res.json({
    terminal: terminalView({ ...rotated.terminal, store: before.store }),
    credentials: { key_id: rotated.key_id, secret: rotated.secret, pairing_code: rotated.pairing_code },
  })
}
