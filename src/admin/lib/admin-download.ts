import { AdminApiError } from "./rights-api"

// Same origin as sdk.ts: the admin is served by the Medusa server; VITE_BACKEND_URL for a separate host.
const viteEnv: { VITE_BACKEND_URL?: string; DEV?: boolean } = import.meta.env
const BASE = (viteEnv.VITE_BACKEND_URL || "").replace(/\/$/, "")

/** The file name a Content-Disposition header offers, if any. */
function suggestedName(disposition: string | null): string | undefined {
  if (!disposition) return undefined
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""))
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain?.[1]
}

/**
 * Downloads a file an admin route answers (CSV exports) with the operator's session cookie. Going
 * through fetch rather than a plain link keeps a refusal readable ("invalid_state") instead of a
 * page of JSON in a new tab.
 */
export async function downloadAdminFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(`${BASE}${path}`, { credentials: "include" })
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as { code?: unknown; type?: unknown; message?: unknown } | null
    const code = typeof json?.code === "string" ? json.code : typeof json?.type === "string" ? json.type : null
    throw new AdminApiError(typeof json?.message === "string" ? json.message : res.statusText || `HTTP ${res.status}`, res.status, code)
  }
  const name = suggestedName(res.headers.get("content-disposition")) ?? fallbackName
  const url = URL.createObjectURL(await res.blob())
  try {
    const a = document.createElement("a")
    a.href = url
    a.download = name
    document.body.appendChild(a)
    a.click()
    a.remove()
  } finally {
    // the click has handed the blob to the browser's download; free it after this turn
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return name
}
