import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RIGHTS_MODULE } from "../modules/rights"
import type RightsModuleService from "../modules/rights/service"
import { postPointsMovements } from "./settlement-postings"

/** Expires every points lot whose year-after-earning has ended; each lot once, safe to rerun. */
const expirePointsStep = createStep("expire-points", async (input: { now?: string }, { container }) => {
  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  const now = input.now ? new Date(input.now) : new Date()
  const startedAt = new Date()
  let total = 0
  for (;;) {
    const expired = await rights.expireDueLots(now, 500)
    total += expired
    if (expired === 0) break
  }
  await postPointsMovements(container, { kinds: ["expire"], created_from: new Date(startedAt.getTime() - 1000) })
  return new StepResponse({ points_expired: total })
})

export const expirePointsWorkflow = createWorkflow("expire-points", (input: { now?: string }) => new WorkflowResponse(expirePointsStep(input)))
