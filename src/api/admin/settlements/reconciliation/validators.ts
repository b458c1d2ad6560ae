import { z } from "@medusajs/framework/zod"
import { isBusinessDate } from "../../../../modules/settlement/reconcile"

/** `?business_date=YYYY-MM-DD`: an Asia/Shanghai calendar day. */
export const AdminReconciliationQuery = z
  .object({
    business_date: z.string().refine(isBusinessDate, { message: "business_date must be a calendar date as YYYY-MM-DD" }),
  })
  .strict()

export type AdminReconciliationQueryType = z.infer<typeof AdminReconciliationQuery>
