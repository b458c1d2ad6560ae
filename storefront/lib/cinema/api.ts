import "server-only"
import { storeFetch } from "@/lib/medusa/rights"

// The movie routes answer prices in yuan (Medusa's major unit), like the rest of the store API.

export type Film = {
  id: string
  title: string
  synopsis: string | null
  poster_url: string | null
  duration_minutes: number
  rating: string | null
  score: number | null
  genres: string[]
  languages: string[]
  next_starts_at?: string
  showtimes?: number
}
export type Showtime = {
  id: string
  starts_at: string
  ends_at: string
  format: string
  language: string
  prices: Record<string, number>
  film: { id: string; title: string; poster_url?: string | null; duration_minutes?: number; rating?: string | null }
  cinema: { id: string; name: string }
  hall: { id: string; name: string }
  started?: boolean
}
export type SeatStatus = "available" | "held" | "booked" | "disabled"
export type Seat = { id: string; row: string; number: number; type: "standard" | "vip" | "couple"; status: SeatStatus; price: number; pair_id: string | null; x: number; y: number; mine: boolean }

export class CinemaApiError extends Error {
  constructor(public status: number, public code: string | undefined, message: string) {
    super(message)
  }
}

async function get<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
  const qs = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => Boolean(e[1]))).toString()
  const res = await storeFetch<T>(qs ? `${path}?${qs}` : path)
  if (!res.ok) throw new CinemaApiError(res.status, res.code, res.message)
  return res.body
}

export async function listFilms(): Promise<Film[]> {
  return (await get<{ films: Film[] }>("/store/films")).films
}

export async function getFilm(id: string): Promise<{ film: Film; dates: string[] }> {
  return get<{ film: Film; dates: string[] }>(`/store/films/${encodeURIComponent(id)}`)
}

export async function listShowtimes(date: string, filmId?: string): Promise<Showtime[]> {
  return (await get<{ showtimes: Showtime[] }>("/store/showtimes", { date, film_id: filmId })).showtimes
}

export async function getShowtime(id: string): Promise<Showtime> {
  return (await get<{ showtime: Showtime }>(`/store/showtimes/${encodeURIComponent(id)}`)).showtime
}

export async function getSeatMap(id: string, cartId?: string): Promise<Seat[]> {
  return (await get<{ seats: Seat[] }>(`/store/showtimes/${encodeURIComponent(id)}/seats`, { cart_id: cartId })).seats
}
