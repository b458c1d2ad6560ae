import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fenToMajor } from "../../../lib/money"
import { shanghaiDate } from "../../../lib/shanghai-time"
import { SETTLEMENT_MODULE } from "../../../modules/settlement"
import type SettlementModuleService from "../../../modules/settlement/service"

const view = (r: any) => ({
  id: r.id,
  scope_type: r.scope_type,
  scope_id: r.scope_id,
  kind: r.kind,
  // percentage as a percent number, fixed as yuan per unit
  value: r.kind === "percentage" ? Number(r.value) / 100 : fenToMajor(Number(r.value)),
  effective_from: r.effective_from,
  created_by: r.created_by,
  created_at: r.created_at,
})

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const rates = await settlement.listCommissionRates({}, { order: { scope_type: "ASC", effective_from: "DESC" } })
  res.json({ commission_rates: rates.map(view) })
}

/** A new rate applies from its start date; a rate for a day already settled would rewrite history, so it is refused. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = req.validatedBody as { scope_type: string; scope_id?: string | null; kind: string; value: number; effective_from: string }
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  if (body.effective_from < shanghaiDate(new Date())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A rate can start today or later; past days keep the rates they had.", "invalid_request")
  }
  const [dup] = await settlement.listCommissionRates({ scope_type: body.scope_type, scope_id: body.scope_id ?? null, effective_from: body.effective_from } as any)
  if (dup) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A rate for this scope already starts on that day.", "invalid_request")
  const rate = await settlement.createCommissionRates({ ...body, scope_id: body.scope_id ?? null, created_by: req.auth_context.actor_id } as any)
  res.status(201).json({ commission_rate: view(rate) })
}
