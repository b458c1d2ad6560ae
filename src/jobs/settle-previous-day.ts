import type { MedusaContainer } from "@medusajs/framework/types"
import { shanghaiDate } from "../lib/shanghai-time"
import { settleBusinessDayWorkflow } from "../workflows/settle-business-day"

// T+1: at 01:30 Asia/Shanghai (17:30 UTC) settle the business day that just ended.
export default async function settlePreviousDayJob(container: MedusaContainer) {
  const yesterday = shanghaiDate(new Date(Date.now() - 24 * 60 * 60 * 1000))
  await settleBusinessDayWorkflow(container).run({ input: { business_date: yesterday } })
}

export const config = { name: "settle-previous-day", schedule: "30 17 * * *" }
