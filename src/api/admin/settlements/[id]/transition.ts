import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { merchantNames } from "../merchant-names"
import { settlementView } from "../settlement-views"
import { loadBatch } from "./load-batch"

const FROM: Record<string, string> = { approved: "calculated", paid: "approved", failed: "calculated or approved" }

/** One conditional update per transition, recording who and when; a batch in another state is refused. */
export async function transitionSettlement(req: AuthenticatedMedusaRequest, to: "approved" | "paid" | "failed") {
  const { settlement, batch } = await loadBatch(req)
  const body = (req.validatedBody ?? {}) as { reference?: string; reason?: string }
  const updated = await settlement.transitionBatch(batch.id, to, req.auth_context.actor_id, body)
  if (!updated) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A ${batch.status} settlement cannot become ${to}; it must be ${FROM[to]}.`, "invalid_state")
  }
  const names = await merchantNames(req.scope, [batch.merchant_id])
  return settlementView(updated, names.get(batch.merchant_id)?.name)
}
