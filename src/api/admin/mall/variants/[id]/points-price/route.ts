import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { majorToFen } from "../../../../../../lib/money"
import { setMallPointsPriceWorkflow } from "../../../../../../workflows/set-mall-points-price"
import type { AdminSetPointsPriceType } from "../../../validators"

/** Sets or clears a mall variant's points-plus-cash price; amounts in yuan, points as whole points. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetPointsPriceType>, res: MedusaResponse) {
  const body = req.validatedBody as AdminSetPointsPriceType
  const { result } = await setMallPointsPriceWorkflow(req.scope).run({
    input: { variant_id: req.params.id, points: body.points, cash_fen: majorToFen(body.cash.toFixed(2)) },
  })
  res.json({ points_price: result })
}
