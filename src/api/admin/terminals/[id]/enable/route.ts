import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { retrieveTerminalOr404, terminalResponse, transitionOr4xx } from "../../load-terminal"

// Enable undoes a disable. A terminal locked for guessing codes needs a deliberate unlock instead.
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const current = await retrieveTerminalOr404(merchants, req.params.id)
  if (current.status === "active") return res.json(await terminalResponse(merchants, req.params.id))
  res.json(await transitionOr4xx(merchants, req.params.id, ["disabled"], "active", (status) =>
    status === "locked" ? "Terminal is locked after too many unknown codes; unlock it instead." : `Terminal is ${status}.`))
}
