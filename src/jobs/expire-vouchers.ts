import type { MedusaContainer } from "@medusajs/framework/types"
import { expireVouchersWorkflow } from "../workflows/expire-vouchers"

export default async function expireVouchersJob(container: MedusaContainer) {
  const { result } = await expireVouchersWorkflow(container).run({ input: {} })
  const logger = container.resolve("logger")
  if (result.expired.length || result.refunded.length || result.failed.length) {
    logger.info(`vouchers: ${result.expired.length} expired, ${result.refunded.length} auto-refunded, ${result.failed.length} failed`)
  }
}

// every 15 minutes: a voucher stops working at its expiry time regardless (the redeem check reads
// expires_at); the job settles its status and the auto-refunds
export const config = { name: "expire-vouchers", schedule: "*/15 * * * *" }
