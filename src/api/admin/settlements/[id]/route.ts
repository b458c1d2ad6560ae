import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { merchantNames } from "../merchant-names"
import { lineView, settlementView } from "../settlement-views"
import { loadBatch } from "./load-batch"

/** A batch with its lines, keyset-paged (`after` = the last line id of the previous page). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { settlement, batch } = await loadBatch(req)
  const { limit, after } = req.validatedQuery as { limit: number; after?: string }
  const lines = await settlement.listBatchLines(batch, limit, after)
  const names = await merchantNames(req.scope, [batch.merchant_id])
  res.json({
    settlement: settlementView(batch, names.get(batch.merchant_id)?.name),
    lines: lines.map(lineView),
    next_after: lines.length === limit ? lines[lines.length - 1].id : null,
  })
}
