import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fenToMajor } from "../../../lib/money"
import { SETTLEMENT_MODULE } from "../../../modules/settlement"
import type SettlementModuleService from "../../../modules/settlement/service"
import { merchantNames } from "./merchant-names"
import { settlementView } from "./settlement-views"

type Query = { business_date?: string; status?: string; merchant_id?: string; limit: number; offset: number }

/** Batches with filters, and the totals of everything that matches the filters. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const settlement: SettlementModuleService = req.scope.resolve(SETTLEMENT_MODULE)
  const q = req.validatedQuery as Query
  const filters: Record<string, unknown> = {}
  if (q.business_date) filters.business_date = q.business_date
  if (q.status) filters.status = q.status
  if (q.merchant_id) filters.merchant_id = q.merchant_id
  const [batches, count] = await settlement.listAndCountSettlementBatches(filters, {
    take: q.limit,
    skip: q.offset,
    order: { business_date: "DESC", net_amount: "DESC", id: "ASC" },
  })
  const totals = await settlement.batchTotals(filters as any)
  const names = await merchantNames(req.scope, batches.map((b) => b.merchant_id))
  res.json({
    settlements: batches.map((b) => settlementView(b, names.get(b.merchant_id)?.name)),
    count,
    limit: q.limit,
    offset: q.offset,
    totals: {
      line_count: totals.line_count,
      gross_amount: fenToMajor(totals.gross_amount),
      commission_amount: fenToMajor(totals.commission_amount),
      merchant_funded_amount: fenToMajor(totals.merchant_funded_amount),
      net_amount: fenToMajor(totals.net_amount),
    },
  })
}
