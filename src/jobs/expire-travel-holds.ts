import type { MedusaContainer } from "@medusajs/framework/types"
import { expireTravelHoldsWorkflow } from "../workflows/release-travel-holds"

export default async function expireTravelHoldsJob(container: MedusaContainer) {
  const { result } = await expireTravelHoldsWorkflow(container).run({ input: {} })
  if (result.expired) container.resolve("logger").info(`travel: ${result.expired} hold(s) expired`)
}

// every minute: availability never counts a lapsed hold anyway (it compares expires_at with now);
// the job only settles the status so the manifest and the cart read right
export const config = { name: "expire-travel-holds", schedule: "* * * * *" }
