// Request signing per the terminal API contract, with WebCrypto so it runs in browsers and Node.
const encoder = new TextEncoder()

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("")
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data
  return hex(await crypto.subtle.digest("SHA-256", bytes as BufferSource))
}

export async function signRequest(secret: string, method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string): Promise<string> {
  const canonical = [method.toUpperCase(), pathWithQuery, timestamp, nonce, await sha256Hex(body)].join("\n")
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(canonical)))
}

export function randomToken(bytes = 16): string {
  const buf = new Uint8Array(bytes)
  crypto.getRandomValues(buf)
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("")
}
