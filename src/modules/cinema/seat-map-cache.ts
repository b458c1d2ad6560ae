/**
 * A very short-lived copy of each showtime's seat-map answer (already serialised), so a popular
 * showtime's map costs one SQL statement per second instead of one per reader. Writes through this
 * process (holds, bookings, releases) drop the copy at once; a copy never outlives the earliest hold
 * it shows as held, so an expiring hold frees its seat on time. Other API servers' writes show
 * within SEAT_MAP_CACHE_MS (default 1000; 0 turns the cache off) — a hold is still decided by the
 * database, never by this copy.
 */
const TTL_MS = Number(process.env.SEAT_MAP_CACHE_MS ?? 1000)
const MAX_ENTRIES = 2000

type Entry = { body: string; until: number }
const entries = new Map<string, Entry>()

export function cachedSeatMap(showtimeId: string, now = Date.now()): string | undefined {
  const e = entries.get(showtimeId)
  if (!e) return undefined
  if (e.until <= now) {
    entries.delete(showtimeId)
    return undefined
  }
  return e.body
}

export function rememberSeatMap(showtimeId: string, body: string, earliestHoldExpiry: number | null, now = Date.now()) {
  if (TTL_MS <= 0) return
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
  entries.set(showtimeId, { body, until: Math.min(now + TTL_MS, earliestHoldExpiry ?? Infinity) })
}

export function forgetSeatMap(showtimeId?: string) {
  if (showtimeId) entries.delete(showtimeId)
  else entries.clear()
}
