import type { MedusaContainer } from "@medusajs/framework/types"
import { expirePointsWorkflow } from "../workflows/expire-points"

// Points expire once a year (the first minutes of 1 January, Asia/Shanghai); running daily at
// 00:10 Shanghai (16:10 UTC) means a server that was down that night still expires them the next.
export default async function expirePointsJob(container: MedusaContainer) {
  await expirePointsWorkflow(container).run({ input: {} })
}

export const config = { name: "expire-points", schedule: "10 16 * * *" }
