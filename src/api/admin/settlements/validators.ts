import { z } from "@medusajs/framework/zod"

const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a calendar date")
const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_]+$/)

export const AdminRunSettlement = z.object({ business_date: businessDate }).strict()
export const AdminListSettlements = z
  .object({
    business_date: businessDate.optional(),
    status: z.enum(["calculated", "approved", "paid", "failed"]).optional(),
    merchant_id: id.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export const AdminGetSettlement = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200), after: id.optional() }).strict()
export const AdminApproveSettlement = z.object({}).strict().nullish()
export const AdminPaySettlement = z.object({ reference: z.string().trim().min(1).max(100).optional() }).strict().nullish()
export const AdminFailSettlement = z.object({ reason: z.string().trim().min(3).max(500) }).strict()
export const AdminPayoutFile = z.object({ business_date: businessDate }).strict()
export const AdminCreateCommissionRate = z
  .object({
    scope_type: z.enum(["global", "merchant", "category", "product"]),
    scope_id: id.nullable().optional(),
    kind: z.enum(["percentage", "fixed"]),
    /** percentage: percent (up to 2 decimals); fixed: yuan per unit */
    value: z.union([z.number(), z.string()]),
    effective_from: businessDate,
  })
  .strict()
  .transform((r, ctx) => {
    const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(String(r.value).trim())
    const units = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : NaN
    if (!m || (r.kind === "percentage" && units > 10000)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: r.kind === "percentage" ? "a percentage from 0 to 100" : "yuan with at most 2 decimals" })
      return z.NEVER
    }
    if ((r.scope_type === "global") !== !r.scope_id) {
      ctx.addIssue({ code: "custom", path: ["scope_id"], message: "scope_id is required except for the global rate" })
      return z.NEVER
    }
    return { ...r, value: units }
  })
