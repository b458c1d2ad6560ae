import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SETTLEMENT_MODULE } from "../../../../modules/settlement"
import type SettlementModuleService from "../../../../modules/settlement/service"
import { merchantNames } from "../merchant-names"
import { csvRow, yuanText } from "../settlement-views"

/** The bank payout file for a day: approved (or already paid) batches with something to pay. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { business_date } = req.validatedQuery as { business_date: string }
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const batches = (await settlement.listSettlementBatches({ business_date, status: ["approved", "paid"] } as any, { order: { merchant_id: "ASC" }, take: 100000 }))
    .filter((b) => Number(b.net_amount) > 0)
  const merchants = await merchantNames(req.scope, batches.map((b) => b.merchant_id))
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="payouts-${business_date}.csv"`)
  let out = "\ufeff" + csvRow(["merchant_id", "merchant", "account", "amount_fen", "amount_yuan", "currency", "reference"])
  for (const b of batches) {
    const m = merchants.get(b.merchant_id)
    // the bank file never carries the full account: masked, as operators see it
    const account = m?.settlement_account_last4 ? `****${m.settlement_account_last4}` : ""
    out += csvRow([b.merchant_id, m?.name ?? "", account, Number(b.net_amount), yuanText(Number(b.net_amount)), b.currency_code.toUpperCase(), b.payout_reference ?? `PL-${business_date}-${b.id.slice(-8)}`])
  }
  res.send(out)
}
