import { z } from "@medusajs/framework/zod"

// A real calendar day "YYYY-MM-DD" (2026-02-30 is refused, not rolled over).
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, "not a calendar day")

export const StatementsQuery = z.object({ from: day.optional(), to: day.optional() }).strict()

export const StatementParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, "not a statement id") })

export const StatementLinesQuery = z
  .object({
    limit: z.coerce
      .number({ error: "limit must be a whole number" })
      .int("limit must be a whole number")
      .min(1, "limit is 1-500")
      .max(500, "limit is 1-500")
      .optional(),
    after: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, "after is a line id").optional(),
  })
  .strict()
