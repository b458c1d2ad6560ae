import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { merchantNames } from "../../merchant-names"
import { csvRow, yuanText } from "../../settlement-views"
import { loadBatch } from "../load-batch"

/** The merchant's statement for the batch as CSV, fen and yuan side by side; streamed page by page. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { settlement, batch } = await loadBatch(req)
  const merchant = (await merchantNames(req.scope, [batch.merchant_id])).get(batch.merchant_id)
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="statement-${batch.business_date}-${batch.merchant_id}.csv"`)
  res.write("\ufeff" + csvRow(["merchant", merchant?.name ?? batch.merchant_id, "business_date", batch.business_date, "status", batch.status]))
  res.write(csvRow(["line_id", "kind", "event_date", "order_id", "voucher_id", "gross_fen", "commission_fen", "merchant_funded_fen", "net_fen", "gross_yuan", "commission_yuan", "merchant_funded_yuan", "net_yuan"]))
  let after: string | undefined
  for (;;) {
    const lines = await settlement.listBatchLines(batch, 1000, after)
    for (const l of lines) {
      res.write(csvRow([l.id, l.kind, l.business_date, l.order_id, l.voucher_id, l.gross, l.commission, l.merchant_funded, l.net,
        yuanText(l.gross), yuanText(l.commission), yuanText(l.merchant_funded), yuanText(l.net)]))
    }
    if (lines.length < 1000) break
    after = lines[lines.length - 1].id
  }
  const b = batch as any
  res.end(csvRow(["total", "", "", "", "", b.gross_amount, b.commission_amount, b.merchant_funded_amount, b.net_amount,
    yuanText(Number(b.gross_amount)), yuanText(Number(b.commission_amount)), yuanText(Number(b.merchant_funded_amount)), yuanText(Number(b.net_amount))]))
}
