import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

// Wire types of the travel admin API (src/api/admin/travel); amounts in yuan.
export type Prices = { adult: number; child: number; senior: number }
export type AdminPackage = {
  id: string
  handle: string
  title: string
  destination: string
  city: string
  days: number
  nights: number
  status: "published" | "draft"
  cancellation_tiers: { min_days: number; percent: number }[]
  departures?: number
  next_date?: string | null
  sold?: number
}
export type AdminDeparture = { id: string; package_id: string; date: string; status: "open" | "closed"; capacity: number; sold: number; held: number; remaining: number; prices: Prices; single_supplement: number }
export type ManifestRow = { id: string; status: string; order_id: string | null; type: string; name: string; id_type: string; id_number: string; phone: string; single_room: boolean; price: number }

export function describeError(e: unknown): string {
  const err = e as { message?: string; code?: string }
  return err?.message || "Request failed"
}

export const usePackages = () => useQuery({ queryKey: ["travel-packages"], queryFn: () => sdk.client.fetch<{ packages: AdminPackage[]; count: number }>("/admin/travel/packages") })
export const usePackage = (id: string) =>
  useQuery({ queryKey: ["travel-package", id], queryFn: () => sdk.client.fetch<{ package: AdminPackage; departures: AdminDeparture[] }>(`/admin/travel/packages/${id}`) })
export const useManifest = (id: string) =>
  useQuery({ queryKey: ["travel-manifest", id], queryFn: () => sdk.client.fetch<{ package: { id: string; handle: string; title: string }; departure: AdminDeparture; travellers: ManifestRow[] }>(`/admin/travel/departures/${id}/manifest`) })

export function useTravelMutation<T>(path: (input: T) => string, invalidate: string[] = []) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: T) => sdk.client.fetch<any>(path(input), { method: "POST", body: (input as any).body ?? input }),
    onSuccess: () => invalidate.forEach((k) => qc.invalidateQueries({ queryKey: [k] })),
  })
}
