import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MERCHANT_MODULE } from "../../../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../../../modules/merchant/service"
import { retrieveStoreOfMerchantOr404 } from "../../../../load-merchant"
import { terminalView } from "../../../../merchant-views"
import type { AdminCreateTerminalType } from "../../../../validators"

// The only answer that carries the secret and pairing code; they are not stored in clear and never shown again.
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateTerminalType>, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const store = await retrieveStoreOfMerchantOr404(merchants, req.params.id, req.params.store_id)
  if (store.status !== "active") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Store ${store.name} is closed; reopen it before adding terminals.`)
  }
  const issued = await merchants.issueTerminal({ store_id: store.id, name: req.validatedBody.name })
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({
    terminal: terminalView({ ...issued.terminal, store }),
    credentials: { key_id: issued.key_id, secret: issued.secret, pairing_code: issued.pairing_code },
  })
}
