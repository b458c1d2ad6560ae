import { z } from "@medusajs/framework/zod"

const code = z
  .string()
  .trim()
  .min(1, "code is required")
  .max(64, "code is at most 64 characters")

// fen, as integers: ¥10 → 1000
const amount = z
  .number({ error: "amount must be an integer number of fen" })
  .int("amount must be an integer number of fen")
  .positive("amount must be greater than 0")
  .max(100_000_000, "amount is too large")

export const VerifyBody = z.object({ code }).strict()
export const RedeemBody = z.object({ code, amount: amount.optional() }).strict()
export const PairBody = z.object({ pairing_code: z.string().trim().regex(/^[0-9]{8}$/, "pairing_code is 8 digits") }).strict()
export const ReverseBody = z.object({}).strict()

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
export const RedemptionsQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .strict()

export const IdempotencyKey = z
  .string()
  .min(8, "Idempotency-Key must be 8-128 characters")
  .max(128, "Idempotency-Key must be 8-128 characters")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key must be printable ASCII")
