import "server-only"
import crypto from "node:crypto"
import { cookies } from "next/headers"
import { backendUrl, publishableKey } from "@/lib/medusa/config"
import { authHeaders } from "@/lib/medusa/session"
import type { HotSearch, RecentSearch, SearchParams, SearchResult } from "./types"

export const DEVICE_COOKIE = "pl_device"
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/

/** The visitor's device id (recent searches when signed out); created by the route handlers. */
export async function deviceId(create = false): Promise<string | undefined> {
  const jar = await cookies()
  const known = jar.get(DEVICE_COOKIE)?.value
  if (known && DEVICE_ID.test(known)) return known
  if (!create) return undefined
  const id = crypto.randomBytes(12).toString("base64url")
  jar.set(DEVICE_COOKIE, id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 })
  return id
}

async function headers(device?: string): Promise<Record<string, string>> {
  return {
    "x-publishable-api-key": publishableKey() ?? "",
    ...(await authHeaders()),
    ...(device ? { "x-device-id": device } : {}),
  }
}

export class SearchRequestError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message)
  }
}

async function call<T>(path: string, init: RequestInit & { device?: string } = {}): Promise<T> {
  const res = await fetch(`${backendUrl()}${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(await headers(init.device)), ...(init.headers as any) },
    cache: "no-store",
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new SearchRequestError(res.status, body.code ?? "error", body.message ?? res.statusText)
  return body as T
}

export function searchQueryString(p: SearchParams): string {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === null || v === "" || v === false) continue
    qs.set(k, String(v))
  }
  return qs.toString()
}

export async function searchProducts(p: SearchParams): Promise<SearchResult> {
  return await call<SearchResult>(`/store/search?${searchQueryString(p)}`)
}

export async function recentSearches(device?: string): Promise<RecentSearch[]> {
  return (await call<{ recent: RecentSearch[] }>(`/store/search/recent`, { device })).recent
}

export async function recordSearch(q: string, device?: string): Promise<RecentSearch[]> {
  return (await call<{ recent: RecentSearch[] }>(`/store/search/recent`, { method: "POST", body: JSON.stringify({ q }), device })).recent
}

export async function clearRecentSearches(device?: string): Promise<void> {
  await call(`/store/search/recent`, { method: "DELETE", device })
}

export async function hotSearches(): Promise<HotSearch[]> {
  return (await call<{ hot: HotSearch[] }>(`/store/search/hot`)).hot
}
