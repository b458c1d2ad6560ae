import type { MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { sendTerminalError } from "./terminal-context"

/** zod-validates a terminal body or query; answers 400 invalid_request (never 500) on bad input. */
export function parseTerminalInput<T extends z.ZodTypeAny>(schema: T, input: unknown, res: MedusaResponse): z.infer<T> | undefined {
  const parsed = schema.safeParse(input ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path?.length ? `${issue.path.join(".")}: ` : ""
  sendTerminalError(res, "invalid_request", `${where}${issue?.message ?? "invalid request"}`)
  return undefined
}
