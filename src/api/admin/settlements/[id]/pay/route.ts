import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionSettlement } from "../transition"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ settlement: await transitionSettlement(req, "paid") })
}
