import { fenToMajor } from "../../../lib/money"

const prices = (p: Record<string, number> | null) =>
  Object.fromEntries(Object.entries(p ?? {}).map(([type, fen]) => [type, fenToMajor(Number(fen))]))

/** A showtime as the store API answers it; prices per seat type in yuan. */
export function showtimeView(r: any) {
  return {
    id: r.id,
    starts_at: new Date(r.starts_at).toISOString(),
    ends_at: new Date(r.ends_at).toISOString(),
    format: r.format,
    language: r.language,
    prices: prices(r.prices),
    film: { id: r.film_id, title: r.film_title },
    cinema: { id: r.cinema_id, name: r.cinema_name },
    hall: { id: r.hall_id, name: r.hall_name },
  }
}

export function filmView(f: any) {
  return {
    id: f.id,
    title: f.title,
    original_title: f.original_title ?? null,
    synopsis: f.synopsis ?? null,
    poster_url: f.poster_url ?? null,
    duration_minutes: f.duration_minutes,
    rating: f.rating ?? null,
    score: f.score == null ? null : f.score / 10,
    genres: f.genres?.values ?? [],
    languages: f.languages?.values ?? [],
    release_date: f.release_date ? new Date(f.release_date).toISOString() : null,
    status: f.status,
    ...(f.next_starts_at ? { next_starts_at: new Date(f.next_starts_at).toISOString(), showtimes: f.showtimes } : {}),
  }
}
