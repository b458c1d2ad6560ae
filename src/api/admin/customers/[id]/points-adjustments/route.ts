import crypto from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RIGHTS_MODULE } from "../../../../../modules/rights"
import { toMedusaError } from "../../../../../modules/rights/rights-error"
import type RightsModuleService from "../../../../../modules/rights/service"
import { postPointsMovements } from "../../../../../workflows/settlement-postings"
import { requireCustomer } from "../require-customer"

/**
 * A manual adjustment, recorded with its reason and the operator; never below zero. An
 * Idempotency-Key header makes a retried request post once.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await requireCustomer(req)
  const body = req.validatedBody as { points: number; reason: string }
  const rights: RightsModuleService = req.scope.resolve(RIGHTS_MODULE)
  const key = req.headers["idempotency-key"]
  const postingKey = typeof key === "string" && /^[\x21-\x7e]{8,100}$/.test(key) ? `adjust:${req.params.id}:${key}` : `adjust:${crypto.randomUUID()}`
  let entry
  try {
    entry = await rights.postPoints({
      customer_id: req.params.id,
      kind: "adjust",
      points: body.points,
      posting_key: postingKey,
      reason: body.reason,
      operator_id: req.auth_context.actor_id,
    })
  } catch (e) {
    throw toMedusaError(e)
  }
  await postPointsMovements(req.scope, { ids: [entry.id] })
  res.status(201).json({ balance: Number(entry.balance_after), entry: { id: entry.id, points: Number(entry.points), reason: entry.reason, operator_id: entry.operator_id, created_at: entry.created_at } })
}
