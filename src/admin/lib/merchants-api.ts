import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"
import type { StoreHours } from "./store-hours"

// Wire types of /admin/merchants, /admin/terminals (src/api/admin). Secrets never appear here
// except in TerminalCredentials, which only the create and rotate answers carry, once.

export type Merchant = {
  id: string
  name: string
  legal_name: string | null
  status: "active" | "suspended"
  contact_phone: string | null
  settlement_account_masked: string | null
  store_count: number
  terminal_count: number
  created_at: string
  updated_at: string
}

export type MerchantStore = {
  id: string
  merchant_id: string
  name: string
  address: string | null
  city: string | null
  latitude: number | null
  longitude: number | null
  hours: StoreHours | Record<string, unknown> | null
  status: "active" | "closed"
  created_at: string
}

export type TerminalStatus = "active" | "disabled" | "locked"

export type Terminal = {
  id: string
  name: string
  key_id: string
  status: TerminalStatus
  store_id: string
  store?: { id: string; name: string }
  pairing_pending: boolean
  pairing_expires_at: string | null
  last_seen_at: string | null
  locked_at: string | null
  created_at: string
}

export type TerminalCredentials = { key_id: string; secret: string; pairing_code: string }
export type IssuedTerminal = { terminal: Terminal; credentials: TerminalCredentials }

export type MerchantInput = {
  name?: string
  legal_name?: string | null
  status?: Merchant["status"]
  contact_phone?: string | null
  settlement_account?: string | null
}

export type StoreInput = {
  name?: string
  address?: string | null
  city?: string | null
  latitude?: number | null
  longitude?: number | null
  hours?: StoreHours | null
  status?: MerchantStore["status"]
}

type Page = { count: number; limit: number; offset: number }

export const merchantKeys = {
  all: ["palmlife", "merchants"] as const,
  list: (query: Record<string, unknown>) => ["palmlife", "merchants", "list", query] as const,
  detail: (id: string) => ["palmlife", "merchants", "detail", id] as const,
  stores: (id: string) => ["palmlife", "merchants", "detail", id, "stores"] as const,
  terminals: (id: string) => ["palmlife", "merchants", "detail", id, "terminals"] as const,
}

export const useMerchants = (query: { q?: string; status?: string; limit: number; offset: number }) =>
  useQuery({
    queryKey: merchantKeys.list(query),
    queryFn: () => sdk.client.fetch<{ merchants: Merchant[] } & Page>("/admin/merchants", { query }),
    placeholderData: (previous) => previous,
  })

export const useMerchant = (id: string) =>
  useQuery({
    queryKey: merchantKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ merchant: Merchant }>(`/admin/merchants/${id}`),
  })

export const useMerchantStores = (id: string, enabled = true) =>
  useQuery({
    queryKey: merchantKeys.stores(id),
    enabled: enabled && !!id,
    queryFn: () => sdk.client.fetch<{ stores: MerchantStore[] } & Page>(`/admin/merchants/${id}/stores`, { query: { limit: 200 } }),
  })

export const useMerchantTerminals = (id: string) =>
  useQuery({
    queryKey: merchantKeys.terminals(id),
    queryFn: () => sdk.client.fetch<{ terminals: Terminal[] } & Page>(`/admin/merchants/${id}/terminals`, { query: { limit: 200 } }),
    // "last seen" and lockouts change while the page is open
    refetchInterval: 30_000,
  })

export function useCreateMerchant() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: MerchantInput) => sdk.client.fetch<{ merchant: Merchant }>("/admin/merchants", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.all }),
  })
}

export function useUpdateMerchant(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: MerchantInput) => sdk.client.fetch<{ merchant: Merchant }>(`/admin/merchants/${id}`, { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.all }),
  })
}

export function useDeleteMerchant(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/merchants/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.all }),
  })
}

export function useSaveStore(merchantId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: StoreInput & { id?: string }) =>
      sdk.client.fetch<{ store: MerchantStore }>(`/admin/merchants/${merchantId}/stores${id ? `/${id}` : ""}`, { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.detail(merchantId) }),
  })
}

export function useDeleteStore(merchantId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (storeId: string) => sdk.client.fetch(`/admin/merchants/${merchantId}/stores/${storeId}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.detail(merchantId) }),
  })
}

export function useCreateTerminal(merchantId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ storeId, name }: { storeId: string; name: string }) =>
      sdk.client.fetch<IssuedTerminal>(`/admin/merchants/${merchantId}/stores/${storeId}/terminals`, { method: "POST", body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.detail(merchantId) }),
  })
}

export type TerminalAction = "disable" | "enable" | "unlock"

export function useTerminalAction(merchantId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: TerminalAction }) =>
      sdk.client.fetch<{ terminal: Terminal }>(`/admin/terminals/${id}/${action}`, { method: "POST", body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.terminals(merchantId) }),
  })
}

export function useRotateTerminalSecret(merchantId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<IssuedTerminal>(`/admin/terminals/${id}/rotate-secret`, { method: "POST", body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: merchantKeys.terminals(merchantId) }),
  })
}

/** The message of a failed admin call (Medusa answers { type, message }). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message)
  return String(error)
}
