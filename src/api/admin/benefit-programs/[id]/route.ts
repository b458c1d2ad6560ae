import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RIGHTS_MODULE } from "../../../../modules/rights"
import type RightsModuleService from "../../../../modules/rights/service"
import { adminProgramView } from "../program-view"

async function load(req: AuthenticatedMedusaRequest) {
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const [program] = await rights.listBenefitPrograms({ id: req.params.id })
  if (!program) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Benefit program ${req.params.id} was not found.`, "not_found")
  return { rights, program }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { program } = await load(req)
  res.json({ benefit_program: adminProgramView(program) })
}

/** Name, quota, dates, weekdays and status can change; what a program gives cannot (past orders point at it). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { rights, program } = await load(req)
  const body = req.validatedBody as Record<string, unknown>
  const updated = await rights.updateBenefitPrograms({ id: program.id, ...body })
  res.json({ benefit_program: adminProgramView(updated) })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { rights, program } = await load(req)
  await rights.softDeleteBenefitPrograms([program.id])
  res.json({ id: program.id, object: "benefit_program", deleted: true })
}
