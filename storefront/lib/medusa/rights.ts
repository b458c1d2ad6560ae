import "server-only"
import { backendUrl, publishableKey } from "./config"
import { StorefrontConfigError } from "./sdk"
import { authHeaders, getAuthToken } from "./session"

// The rights routes follow Medusa's store convention: amounts in yuan (¥4.95 → 4.95); points are
// whole numbers (100 points = ¥1). The storefront only shows what these routes answer: every
// amount is planned on the server.

export type BenefitKind = "fixed_price" | "percent_off" | "amount_off"
export type QuotaPeriod = "day" | "week" | "month"

export type Benefit = {
  id: string
  name: string
  kind: BenefitKind | string
  /** yuan, or a percentage for percent_off */
  value: number
  cap: number | null
  scope: { type: string; value: string }
  funder: string
  remaining: number
  quota: number
  period: QuotaPeriod | string
  /** ISO weekdays (1 = Monday, Asia/Shanghai) or null for every day */
  weekdays: number[] | null
}

export type CustomerRights = {
  points: { balance: number; yuan_per_100_points: number }
  groups: { id: string; name: string }[]
  benefits: (Benefit & { usable_now: boolean })[]
}

export type PointsEntryKind = "earn" | "burn" | "release" | "refund" | "clawback" | "expire" | "adjust"

export type PointsEntry = {
  id: string
  kind: PointsEntryKind | string
  points: number
  balance_after: number
  order_id: string | null
  reason: string | null
  created_at: string
}

export type PointsHistory = {
  balance: number
  entries: PointsEntry[]
  count: number
  expiring: { expires_at: string; points: number }[]
}

export type AppliedRights = {
  points_applied: number
  points_value: number
  benefit_id: string | null
  benefit_value: number
  cash_due: number
  stale?: boolean
}

export type CartBenefit = Benefit & { value_for_cart: number; eligible: boolean }

export type CartRights = {
  rights: AppliedRights
  /** min_for_cart: the points the cart's points-plus-cash goods must be paid with (0 without them) */
  points: { balance: number; max_for_cart: number; min_for_cart: number }
  benefits: CartBenefit[]
}

export const RIGHTS_ERROR_CODES = [
  "insufficient_points",
  "points_cap_exceeded",
  "benefit_not_eligible",
  "quota_exhausted",
  "invalid_request",
  "rights_changed",
  "points_required",
] as const
export type RightsErrorCode = (typeof RIGHTS_ERROR_CODES)[number]

export function isRightsErrorCode(code: unknown): code is RightsErrorCode {
  return typeof code === "string" && (RIGHTS_ERROR_CODES as readonly string[]).includes(code)
}

/** A store call that keeps the backend's `{ code, message }` (the JS SDK's FetchError drops `code`). */
export type StoreResponse<T> = { ok: true; status: number; body: T } | { ok: false; status: number; code?: string; message: string }

export async function storeFetch<T>(path: string, init: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<StoreResponse<T>> {
  const key = publishableKey()
  if (!key) throw new StorefrontConfigError("No publishable API key: set MEDUSA_PUBLISHABLE_KEY or run the demo seed (.data/demo.json).")
  const res = await fetch(`${backendUrl()}${path}`, {
    method: init.method ?? "GET",
    headers: {
      "x-publishable-api-key": key,
      ...(await authHeaders()),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
  })
  const text = await res.text()
  let body: any = {}
  try {
    body = text ? JSON.parse(text) : {}
  } catch {
    body = {}
  }
  if (res.ok) return { ok: true, status: res.status, body: body as T }
  return { ok: false, status: res.status, code: typeof body?.code === "string" ? body.code : undefined, message: String(body?.message ?? res.statusText ?? `HTTP ${res.status}`) }
}

const num = (value: unknown): number => {
  const n = typeof value === "number" ? value : Number(value)
  return Number.isFinite(n) ? n : 0
}
const str = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value))

function toBenefit(raw: any): Benefit {
  return {
    id: str(raw?.id),
    name: str(raw?.name),
    kind: str(raw?.kind),
    value: num(raw?.value),
    cap: raw?.cap == null ? null : num(raw.cap),
    scope: { type: str(raw?.scope?.type), value: str(raw?.scope?.value) },
    funder: str(raw?.funder),
    remaining: num(raw?.remaining),
    quota: num(raw?.quota),
    period: str(raw?.period),
    weekdays: Array.isArray(raw?.weekdays) ? raw.weekdays.map(num) : null,
  }
}

function toApplied(raw: any): AppliedRights {
  return {
    points_applied: num(raw?.points_applied),
    points_value: num(raw?.points_value),
    benefit_id: raw?.benefit_id ? str(raw.benefit_id) : null,
    benefit_value: num(raw?.benefit_value),
    cash_due: num(raw?.cash_due),
    ...(raw?.stale ? { stale: true } : {}),
  }
}

function unauthorized(status: number) {
  return status === 401 || status === 403
}

/** The logged-in customer's points and benefits; undefined when nobody is logged in. */
export async function retrieveCustomerRights(): Promise<CustomerRights | undefined> {
  if (!(await getAuthToken())) return undefined
  const res = await storeFetch<any>("/store/rights")
  if (!res.ok) {
    if (unauthorized(res.status)) return undefined
    throw new Error(res.message)
  }
  return {
    points: { balance: num(res.body.points?.balance), yuan_per_100_points: num(res.body.points?.yuan_per_100_points) || 1 },
    groups: Array.isArray(res.body.groups) ? res.body.groups.map((g: any) => ({ id: str(g.id), name: str(g.name) })) : [],
    benefits: Array.isArray(res.body.benefits) ? res.body.benefits.map((b: any) => ({ ...toBenefit(b), usable_now: Boolean(b.usable_now) })) : [],
  }
}

/** One page of the points ledger, newest first. */
export async function retrievePointsHistory(limit = 20, offset = 0): Promise<PointsHistory | undefined> {
  if (!(await getAuthToken())) return undefined
  const res = await storeFetch<any>(`/store/rights/points?limit=${limit}&offset=${offset}`)
  if (!res.ok) {
    if (unauthorized(res.status)) return undefined
    throw new Error(res.message)
  }
  return {
    balance: num(res.body.balance),
    count: num(res.body.count),
    entries: Array.isArray(res.body.entries)
      ? res.body.entries.map((e: any) => ({
          id: str(e.id),
          kind: str(e.kind),
          points: num(e.points),
          balance_after: num(e.balance_after),
          order_id: e.order_id ? str(e.order_id) : null,
          reason: e.reason ? str(e.reason) : null,
          created_at: str(e.created_at),
        }))
      : [],
    expiring: Array.isArray(res.body.expiring) ? res.body.expiring.map((x: any) => ({ expires_at: str(x.expires_at), points: num(x.points) })) : [],
  }
}

/** Every ledger entry that belongs to one order (burned, earned, refunded, clawed back). */
export async function retrieveOrderPoints(orderId: string): Promise<PointsEntry[] | undefined> {
  const found: PointsEntry[] = []
  // the ledger is paged; a customer's order entries are recent, so a few pages are plenty
  for (let offset = 0; offset < 500; offset += 100) {
    const page = await retrievePointsHistory(100, offset)
    if (!page) return undefined
    found.push(...page.entries.filter((e) => e.order_id === orderId))
    if (offset + page.entries.length >= page.count || page.entries.length === 0) break
  }
  return found
}

/** What a cart has applied and what it could apply; undefined for a guest or someone else's cart. */
export async function retrieveCartRights(cartId: string): Promise<CartRights | undefined> {
  if (!(await getAuthToken())) return undefined
  const res = await storeFetch<any>(`/store/carts/${encodeURIComponent(cartId)}/rights`)
  if (!res.ok) {
    if (unauthorized(res.status) || res.status === 404) return undefined
    throw new Error(res.message)
  }
  return {
    rights: toApplied(res.body.rights),
    points: { balance: num(res.body.points?.balance), max_for_cart: num(res.body.points?.max_for_cart), min_for_cart: num(res.body.points?.min_for_cart) },
    benefits: Array.isArray(res.body.benefits)
      ? res.body.benefits.map((b: any) => ({ ...toBenefit(b), value_for_cart: num(b.value_for_cart), eligible: Boolean(b.eligible) }))
      : [],
  }
}

export type ApplyRightsInput = { points?: number; benefit_id?: string | null }

export type ApplyRightsOutcome =
  | { ok: true; rights: AppliedRights; total: number }
  | { ok: false; status: number; code?: string; message: string }

/** Applies points and/or a benefit: the server plans the amounts (omitted = keep, null = remove). */
export async function applyCartRights(cartId: string, input: ApplyRightsInput): Promise<ApplyRightsOutcome> {
  const res = await storeFetch<any>(`/store/carts/${encodeURIComponent(cartId)}/rights`, { method: "POST", body: input })
  if (!res.ok) return res
  return { ok: true, rights: toApplied(res.body.rights), total: num(res.body.cart?.total) }
}

export type CompleteOutcome =
  | { kind: "order"; orderId: string }
  | { kind: "refused"; code?: string; message: string }

/** Completes the cart; the backend re-plans rights and takes points and quota atomically. */
export async function completeCart(cartId: string): Promise<CompleteOutcome> {
  const res = await storeFetch<any>(`/store/carts/${encodeURIComponent(cartId)}/complete`, { method: "POST", body: {} })
  if (!res.ok) return { kind: "refused", code: res.code, message: res.message }
  if (res.body?.type === "order" && res.body.order?.id) return { kind: "order", orderId: str(res.body.order.id) }
  return { kind: "refused", code: res.body?.error?.code, message: str(res.body?.error?.message) || "cart not completed" }
}
