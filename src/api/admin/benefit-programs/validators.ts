import { z } from "@medusajs/framework/zod"

const yuan = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(v).trim())
  if (!m) {
    ctx.addIssue({ code: "custom", message: "an amount in yuan with at most 2 decimals" })
    return z.NEVER
  }
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"))
})
const percent = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(String(v).trim())
  const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : NaN
  if (!m || bps <= 0 || bps > 10000) {
    ctx.addIssue({ code: "custom", message: "a percentage above 0 and at most 100, at most 2 decimals" })
    return z.NEVER
  }
  return bps
})
const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/)

const programFields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).nullable().optional(),
  customer_group_id: id,
  scope_type: z.enum(["scene", "category", "product"]),
  scope_value: z.string().trim().min(1).max(120),
  quota: z.number().int().min(1).max(10000),
  quota_period: z.enum(["day", "week", "month"]),
  funder: z.enum(["platform", "merchant"]),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).nullable().optional(),
  starts_at: z.coerce.date().nullable().optional(),
  ends_at: z.coerce.date().nullable().optional(),
  status: z.enum(["active", "paused"]).optional(),
}

/** `value` is yuan for fixed_price / amount_off and a percentage for percent_off; `cap` is yuan. */
export const AdminCreateBenefitProgram = z
  .discriminatedUnion("kind", [
    z.object({ ...programFields, kind: z.literal("fixed_price"), value: yuan, cap: z.null().optional() }).strict(),
    z.object({ ...programFields, kind: z.literal("percent_off"), value: percent, cap: yuan.nullable().optional() }).strict(),
    z.object({ ...programFields, kind: z.literal("amount_off"), value: yuan, cap: z.null().optional() }).strict(),
  ])
  .refine((p) => !p.starts_at || !p.ends_at || p.starts_at < p.ends_at, { message: "ends_at must be after starts_at", path: ["ends_at"] })
  .refine((p) => p.value > 0, { message: "value must be above 0", path: ["value"] })

export const AdminUpdateBenefitProgram = z
  .object({
    name: programFields.name.optional(),
    description: programFields.description,
    quota: programFields.quota.optional(),
    weekdays: programFields.weekdays,
    starts_at: programFields.starts_at,
    ends_at: programFields.ends_at,
    status: programFields.status,
  })
  .strict()

export const AdminListBenefitPrograms = z.object({ customer_group_id: id.optional() }).strict()

export const AdminPointsAdjustment = z
  .object({
    points: z.number().int().min(-100_000_000).max(100_000_000).refine((n) => n !== 0, "points must not be 0"),
    reason: z.string().trim().min(3).max(500),
  })
  .strict()

export const AdminPointsHistory = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const AdminUpsertPointsRule = z
  .object({
    scene: z.string().trim().min(1).max(40).regex(/^(\*|[a-z0-9_-]+)$/),
    max_burn_percent: z.union([z.number(), z.string()]).transform((v, ctx) => {
      const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(String(v).trim())
      const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : NaN
      if (!m || bps > 10000) {
        ctx.addIssue({ code: "custom", message: "a percentage from 0 to 100, at most 2 decimals" })
        return z.NEVER
      }
      return bps
    }),
  })
  .strict()
