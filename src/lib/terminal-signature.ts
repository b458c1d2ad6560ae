import crypto from "node:crypto"

// The terminal API contract (ARCHITECTURE.md §5): the string a terminal signs.
export function canonicalRequest(method: string, pathWithQuery: string, timestamp: string, nonce: string, rawBody: Buffer | string): string {
  const bodyHash = crypto.createHash("sha256").update(rawBody ?? "").digest("hex")
  return [method.toUpperCase(), pathWithQuery, timestamp, nonce, bodyHash].join("\n")
}

export function signTerminalRequest(secret: string, method: string, pathWithQuery: string, timestamp: string, nonce: string, rawBody: Buffer | string): string {
  return crypto.createHmac("sha256", secret).update(canonicalRequest(method, pathWithQuery, timestamp, nonce, rawBody)).digest("hex")
}

export const SIGNATURE_MAX_SKEW_SECONDS = 300
export const NONCE_TTL_SECONDS = 600
