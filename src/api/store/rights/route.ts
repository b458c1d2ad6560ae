import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RIGHTS_MODULE } from "../../../modules/rights"
import type RightsModuleService from "../../../modules/rights/service"
import { programOpen, ProgramRow } from "../../../modules/rights/service"
import { benefitView, YUAN_PER_100_POINTS } from "./rights-view"

/** The logged-in customer's points and the benefits their groups give them, with quota left. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id", "groups.id", "groups.name"], filters: { id: customerId } })
  const groupIds = ((customer as any)?.groups ?? []).map((g: any) => g.id) as string[]
  const now = new Date()
  const programs = (groupIds.length
    ? ((await rights.listBenefitPrograms({ customer_group_id: groupIds, status: "active" } as any)) as unknown as ProgramRow[])
    : []
  ).filter((p) => !p.ends_at || new Date(p.ends_at) > now)
  const [balance, remaining] = await Promise.all([rights.pointsBalance(customerId), rights.remainingQuota(customerId, programs, now)])
  res.json({
    points: { balance, yuan_per_100_points: YUAN_PER_100_POINTS },
    groups: ((customer as any)?.groups ?? []).map((g: any) => ({ id: g.id, name: g.name })),
    benefits: programs.map((p) => ({ ...benefitView(p, remaining.get(p.id) ?? 0), usable_now: programOpen(p, now) })),
  })
}
