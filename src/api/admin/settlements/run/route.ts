import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SETTLEMENT_MODULE } from "../../../../modules/settlement"
import type SettlementModuleService from "../../../../modules/settlement/service"
import { settleBusinessDayWorkflow } from "../../../../workflows/settle-business-day"
import { merchantNames } from "../merchant-names"
import { settlementView } from "../settlement-views"

/** Operators settle any business day by hand; the same workflow as the nightly job, so a rerun changes nothing. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { business_date } = req.validatedBody as { business_date: string }
  const { result } = await settleBusinessDayWorkflow(req.scope).run({ input: { business_date } })
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const batches = await settlement.listSettlementBatches({ business_date }, { order: { net_amount: "DESC", id: "ASC" }, take: 1000 })
  const names = await merchantNames(req.scope, batches.map((b) => b.merchant_id))
  res.json({ business_date, batch_count: result.batch_count, settlements: batches.map((b) => settlementView(b, names.get(b.merchant_id)?.name)) })
}
