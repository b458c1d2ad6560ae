import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

// Wire types and hooks of the rights admin API (src/api/admin/customers/[id]/points*,
// src/api/admin/benefit-programs, src/api/admin/rights/points-rules). Amounts are yuan, percentages
// plain numbers (12.5 = 12.5 %), points whole numbers.

export type PointsKind = "earn" | "burn" | "release" | "refund" | "clawback" | "expire" | "adjust"

export type PointsEntry = {
  id: string
  kind: PointsKind
  /** signed: + credited, − debited */
  points: number
  balance_after: number
  order_id: string | null
  reason: string | null
  operator_id: string | null
  created_at: string
}

export type PointsHistory = {
  balance: number
  entries: PointsEntry[]
  count: number
  limit: number
  offset: number
  expiring: { expires_at: string; points: number }[]
}

export type PointsAdjustment = { balance: number; entry: Pick<PointsEntry, "id" | "points" | "reason" | "operator_id" | "created_at"> }

export type ScopeType = "scene" | "category" | "product"
export type BenefitKind = "fixed_price" | "percent_off" | "amount_off"
export type QuotaPeriod = "day" | "week" | "month"
export type Funder = "platform" | "merchant"
export type ProgramStatus = "active" | "paused"

export type BenefitProgram = {
  id: string
  name: string
  description: string | null
  customer_group_id: string
  scope_type: ScopeType
  scope_value: string
  kind: BenefitKind
  /** yuan for fixed_price / amount_off, a percentage for percent_off */
  value: number
  /** yuan, percent_off only */
  cap: number | null
  quota: number
  quota_period: QuotaPeriod
  funder: Funder
  /** ISO weekdays, 1 = Monday; null = every day */
  weekdays: number[] | null
  starts_at: string | null
  ends_at: string | null
  status: ProgramStatus
  created_at?: string
  total_uses?: number
}

/** value and cap go as strings ("9.9"): the server parses them exactly, no float on the way. */
export type BenefitProgramCreate = {
  name: string
  description: string | null
  customer_group_id: string
  scope_type: ScopeType
  scope_value: string
  kind: BenefitKind
  value: string
  cap?: string | null
  quota: number
  quota_period: QuotaPeriod
  funder: Funder
  weekdays: number[] | null
  starts_at: string | null
  ends_at: string | null
  status: ProgramStatus
}

/** What can change after creation; what a program gives cannot (past orders point at it). */
export type BenefitProgramUpdate = Partial<Pick<BenefitProgramCreate, "name" | "description" | "quota" | "weekdays" | "starts_at" | "ends_at" | "status">>

export type PointsRule = { scene: string; max_burn_percent: number }

/** A refused admin call: the HTTP status, the machine code our routes answer with, and the message. */
export class AdminApiError extends Error {
  constructor(message: string, readonly status: number, readonly code: string | null) {
    super(message)
    this.name = "AdminApiError"
  }
}

// Same origin as sdk.ts: the admin is served by the Medusa server; VITE_BACKEND_URL for a separate host.
const viteEnv: { VITE_BACKEND_URL?: string; DEV?: boolean } = import.meta.env
const BASE = (viteEnv.VITE_BACKEND_URL || "").replace(/\/$/, "")

/**
 * POST/DELETE with the operator's session cookie, keeping the `code` of a refusal, which the JS
 * SDK's FetchError drops (it keeps only the message) — operators need to see "insufficient_points".
 */
export async function adminSend<T>(path: string, init: { method: "POST" | "DELETE"; body?: unknown; headers?: Record<string, string> }): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: init.method,
    credentials: "include",
    headers: { accept: "application/json", ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const json = (await res.json().catch(() => null)) as { code?: unknown; type?: unknown; message?: unknown } | null
  if (!res.ok) {
    const code = typeof json?.code === "string" ? json.code : typeof json?.type === "string" ? json.type : null
    throw new AdminApiError(typeof json?.message === "string" ? json.message : res.statusText || `HTTP ${res.status}`, res.status, code)
  }
  return json as T
}

/** "Message (code)" for a refused call; the message alone for anything else. */
export function describeError(error: unknown): string {
  if (error instanceof AdminApiError) return error.code ? `${error.message} (${error.code})` : error.message
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message)
  return String(error)
}

export const rightsKeys = {
  all: ["palmlife", "rights"] as const,
  points: (customerId: string) => ["palmlife", "rights", "points", customerId] as const,
  pointsPage: (customerId: string, page: { limit: number; offset: number }) => ["palmlife", "rights", "points", customerId, page] as const,
  programs: ["palmlife", "rights", "programs"] as const,
  rules: ["palmlife", "rights", "points-rules"] as const,
}

export const useCustomerPoints = (customerId: string, page: { limit: number; offset: number }) =>
  useQuery({
    queryKey: rightsKeys.pointsPage(customerId, page),
    queryFn: () => sdk.client.fetch<PointsHistory>(`/admin/customers/${customerId}/points`, { query: page }),
    placeholderData: (previous) => previous,
  })

export function useAdjustPoints(customerId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ points, reason, idempotencyKey }: { points: number; reason: string; idempotencyKey: string }) =>
      adminSend<PointsAdjustment>(`/admin/customers/${customerId}/points-adjustments`, {
        method: "POST",
        body: { points, reason },
        headers: { "idempotency-key": idempotencyKey },
      }),
    // refused or not, the balance may have moved (checkout, another operator): show what is true now
    onSettled: () => qc.invalidateQueries({ queryKey: rightsKeys.points(customerId) }),
  })
}

export const useBenefitPrograms = () =>
  useQuery({
    queryKey: rightsKeys.programs,
    queryFn: () => sdk.client.fetch<{ benefit_programs: BenefitProgram[] }>("/admin/benefit-programs"),
  })

export function useCreateBenefitProgram() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: BenefitProgramCreate) => adminSend<{ benefit_program: BenefitProgram }>("/admin/benefit-programs", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: rightsKeys.programs }),
  })
}

export function useUpdateBenefitProgram(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: BenefitProgramUpdate) => adminSend<{ benefit_program: BenefitProgram }>(`/admin/benefit-programs/${id}`, { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: rightsKeys.programs }),
  })
}

export function useDeleteBenefitProgram(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => adminSend<{ id: string; deleted: boolean }>(`/admin/benefit-programs/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: rightsKeys.programs }),
  })
}

export const usePointsRules = () =>
  useQuery({
    queryKey: rightsKeys.rules,
    queryFn: () => sdk.client.fetch<{ points_rules: PointsRule[] }>("/admin/rights/points-rules"),
  })

export function useSavePointsRule() {
  const qc = useQueryClient()
  return useMutation({
    // the percentage goes as typed ("33.5"): the server parses it exactly
    mutationFn: (body: { scene: string; max_burn_percent: string }) =>
      adminSend<{ points_rule: PointsRule }>("/admin/rights/points-rules", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: rightsKeys.rules }),
  })
}

/** Customer groups (the card tiers a program targets), by id. */
export const useCustomerGroups = () =>
  useQuery({
    queryKey: ["palmlife", "customer-groups"],
    queryFn: () => sdk.admin.customerGroup.list({ limit: 200, fields: "id,name" }),
  })
