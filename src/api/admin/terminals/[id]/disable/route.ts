import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { transitionOr4xx } from "../../load-terminal"

// Disabling is always allowed (also for a locked terminal) and idempotent; the device gets 403 from its next call.
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  res.json(await transitionOr4xx(merchants, req.params.id, ["active", "locked", "disabled"], "disabled", () => "Terminal cannot be disabled."))
}
