import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

// Wire types of the cinema admin API (src/api/admin/cinemas|halls|films|showtimes); prices in yuan.
export type SeatType = "standard" | "vip" | "couple"
export type AdminHall = { id: string; name: string; grid_rows: number; grid_cols: number; cleaning_minutes: number }
export type AdminCinema = { id: string; name: string; city: string; address: string | null; halls: AdminHall[] }
export type AdminFilm = { id: string; title: string; duration_minutes: number; rating: string | null; score: number | null; genres: string[]; languages: string[]; status: string }
export type AdminShowtime = { id: string; starts_at: string; ends_at: string; format: string; language: string; prices: Record<SeatType, number>; film: { id: string; title: string }; hall: { id: string; name: string }; cinema: { id: string; name: string } }
export type EditorSeat = { row_label: string; number: number; type: SeatType; pair_id: string | null; x: number; y: number; disabled: boolean }

export function describeError(e: unknown): string {
  const err = e as { message?: string; code?: string }
  return err?.message || "Request failed"
}

export const useCinemas = () => useQuery({ queryKey: ["cinemas"], queryFn: () => sdk.client.fetch<{ cinemas: AdminCinema[] }>("/admin/cinemas") })
export const useFilms = () => useQuery({ queryKey: ["films"], queryFn: () => sdk.client.fetch<{ films: AdminFilm[] }>("/admin/films") })
export const useShowtimes = (hallId?: string) =>
  useQuery({
    queryKey: ["showtimes", hallId],
    enabled: Boolean(hallId),
    queryFn: () => sdk.client.fetch<{ showtimes: AdminShowtime[] }>("/admin/showtimes", { query: { hall_id: hallId } }),
  })
export const useHall = (id: string) =>
  useQuery({ queryKey: ["hall", id], queryFn: () => sdk.client.fetch<{ hall: AdminHall & { seats: (EditorSeat & { id: string })[] } }>(`/admin/halls/${id}`) })

export function useCinemaMutation<T>(path: (input: T) => string, method: "POST" | "DELETE" = "POST", invalidate: string[] = []) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: T) => sdk.client.fetch<any>(path(input), { method, ...(method === "POST" ? { body: (input as any).body ?? input } : {}) }),
    onSuccess: () => invalidate.forEach((k) => qc.invalidateQueries({ queryKey: [k] })),
  })
}
