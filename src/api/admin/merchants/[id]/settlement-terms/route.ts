import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MERCHANT_MODULE } from "../../../../../modules/merchant"
import type MerchantModuleService from "../../../../../modules/merchant/service"
import { SETTLEMENT_MODULE } from "../../../../../modules/settlement"
import type SettlementModuleService from "../../../../../modules/settlement/service"

async function requireMerchant(req: AuthenticatedMedusaRequest) {
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const [m] = await merchants.listMerchants({ id: req.params.id })
  if (!m) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Merchant ${req.params.id} was not found.`, "not_found")
}

/** Who keeps the value of this merchant's vouchers that expire unused (the contract's breakage clause). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await requireMerchant(req)
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  res.json({ settlement_terms: { merchant_id: req.params.id, breakage: await settlement.breakagePolicy(req.params.id) } })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await requireMerchant(req)
  const { breakage } = req.validatedBody as { breakage: "platform" | "merchant" }
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const [existing] = await settlement.listMerchantContracts({ merchant_id: req.params.id })
  if (existing) await settlement.updateMerchantContracts({ id: existing.id, breakage })
  else await settlement.createMerchantContracts({ merchant_id: req.params.id, breakage })
  res.json({ settlement_terms: { merchant_id: req.params.id, breakage } })
}
