import { FetchError } from "@medusajs/js-sdk"
import { StorefrontConfigError } from "./sdk"

export function errorStatus(error: unknown): number | undefined {
  if (error instanceof FetchError) return error.status
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404
}

export function isUnauthorized(error: unknown): boolean {
  const status = errorStatus(error)
  return status === 401 || status === 403
}

/** True when the backend can't be reached at all or isn't configured. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StorefrontConfigError) return true
  if (error instanceof FetchError) return false
  const code = (error as { cause?: { code?: string } } | null)?.cause?.code
  return (
    error instanceof TypeError ||
    code === "ECONNREFUSED" ||
    code === "ECONNRESET" ||
    code === "ENOTFOUND"
  )
}

/** A message a person can read: the backend's own message, never a stack trace. */
export function readableError(error: unknown): string {
  if (error instanceof StorefrontConfigError) return error.message
  if (error instanceof FetchError) {
    return error.message || error.statusText || `HTTP ${error.status}`
  }
  if (isUnavailable(error)) return "Service unavailable"
  if (error instanceof Error && error.message) return error.message
  return "Unknown error"
}
