import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../../lib/money"
import { SETTLEMENT_MODULE } from "../../../../modules/settlement"
import type SettlementModuleService from "../../../../modules/settlement/service"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const tb = await settlement.trialBalance()
  res.json({
    accounts: tb.accounts.map((a: any) => ({ ...a, debit: fenToMajor(a.debit), credit: fenToMajor(a.credit), balance: fenToMajor(a.balance) })),
    total_debit: fenToMajor(tb.total_debit),
    total_credit: fenToMajor(tb.total_credit),
    balanced: tb.total_debit === tb.total_credit,
  })
}
