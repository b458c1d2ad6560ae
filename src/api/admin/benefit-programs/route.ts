import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { RIGHTS_MODULE } from "../../../modules/rights"
import type RightsModuleService from "../../../modules/rights/service"
import { adminProgramView } from "./program-view"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const q = req.validatedQuery as { customer_group_id?: string }
  const programs = await rights.listBenefitPrograms(q.customer_group_id ? { customer_group_id: q.customer_group_id } : {}, { order: { created_at: "ASC" } })
  const uses = programs.length ? await rights.listBenefitUsages({ program_id: programs.map((p) => p.id), status: "taken" } as any, { select: ["program_id"] }) : []
  const count = new Map<string, number>()
  for (const u of uses as any[]) count.set(u.program_id, (count.get(u.program_id) ?? 0) + 1)
  res.json({ benefit_programs: programs.map((p) => adminProgramView(p, { total_uses: count.get(p.id) ?? 0 })) })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const body = req.validatedBody as any
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id"], filters: { id: body.customer_group_id } })
  if (!groups.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Customer group ${body.customer_group_id} does not exist.`, "invalid_request")
  const program = await rights.createBenefitPrograms({ ...body, cap: body.cap ?? null })
  res.status(201).json({ benefit_program: adminProgramView(program) })
}
