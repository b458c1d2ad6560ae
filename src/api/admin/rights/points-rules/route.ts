import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RIGHTS_MODULE } from "../../../../modules/rights"
import { DEFAULT_MAX_BURN_BPS } from "../../../../modules/rights/rules"
import type RightsModuleService from "../../../../modules/rights/service"

const view = (r: { scene: string; max_burn_bps: number }) => ({ scene: r.scene, max_burn_percent: Number(r.max_burn_bps) / 100 })

/** How much of each scene points may pay; "*" is every other scene. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const rules = await rights.listPointsRules({})
  const hasDefault = rules.some((r) => r.scene === "*")
  res.json({ points_rules: [...(hasDefault ? [] : [{ scene: "*", max_burn_bps: DEFAULT_MAX_BURN_BPS }]), ...rules].map(view as any) })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const body = req.validatedBody as { scene: string; max_burn_percent: number }
  const [existing] = await rights.listPointsRules({ scene: body.scene })
  const rule = existing
    ? await rights.updatePointsRules({ id: existing.id, max_burn_bps: body.max_burn_percent })
    : await rights.createPointsRules({ scene: body.scene, max_burn_bps: body.max_burn_percent })
  res.json({ points_rule: view(rule as any) })
}
