import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { transitionOr4xx } from "../../load-terminal"

// Unlocking also restarts the unknown-code window; it never re-activates a disabled terminal.
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  res.json(await transitionOr4xx(merchants, req.params.id, ["locked", "active"], "active", () =>
    "Terminal is disabled; enable it instead."))
}
