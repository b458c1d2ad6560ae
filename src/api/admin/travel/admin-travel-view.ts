import { fenToMajor, majorToFen } from "../../../lib/money"
import { normaliseTiers, validateTiers, type CancellationTier } from "../../../modules/travel/cancellation"
import type { DepartureRow } from "../../../modules/travel/service"
import { TravelError } from "../../../modules/travel/travel-error"

export function adminPackageView(p: any, stats?: { departures: number; next_date: string | null; sold: number }) {
  return {
    id: p.id,
    handle: p.handle,
    title: p.title,
    subtitle: p.subtitle ?? null,
    destination: p.destination,
    city: p.city,
    days: Number(p.days),
    nights: Number(p.nights),
    summary: p.summary ?? null,
    status: p.status,
    variant_id: p.variant_id ?? null,
    merchant_id: p.merchant_id ?? null,
    itinerary: (p.itinerary as any)?.days ?? [],
    included: (p.inclusions as any)?.included ?? [],
    excluded: (p.inclusions as any)?.excluded ?? [],
    images: (p.images as any)?.urls ?? [],
    cancellation_tiers: normaliseTiers((p.cancellation_tiers as any)?.tiers),
    ...(stats ?? {}),
  }
}

export function adminDepartureView(d: DepartureRow) {
  return {
    id: d.id,
    package_id: d.package_id,
    date: d.date,
    status: d.status,
    capacity: d.capacity,
    sold: d.sold,
    held: d.held,
    remaining: d.remaining,
    prices: { adult: fenToMajor(d.price_adult), child: fenToMajor(d.price_child), senior: fenToMajor(d.price_senior) },
    single_supplement: fenToMajor(d.single_supplement),
  }
}

export function checkedTiers(tiers: CancellationTier[]) {
  const problem = validateTiers(tiers)
  if (problem) throw new TravelError("invalid_cancellation_tiers", `Cancellation tiers: ${problem}.`)
  return { tiers: normaliseTiers(tiers) }
}

export const fen = (yuan: number) => majorToFen(String(yuan))

/** Package fields from an admin body (create or update), in the module's shape. */
export function packageFields(body: Record<string, any>) {
  const out: Record<string, unknown> = {}
  for (const k of ["title", "subtitle", "destination", "city", "days", "nights", "summary", "status"]) if (body[k] !== undefined) out[k] = body[k]
  if (body.itinerary !== undefined) out.itinerary = { days: body.itinerary }
  if (body.included !== undefined || body.excluded !== undefined) out.inclusions = { included: body.included ?? [], excluded: body.excluded ?? [] }
  if (body.images !== undefined) out.images = { urls: body.images }
  if (body.cancellation_tiers !== undefined) out.cancellation_tiers = checkedTiers(body.cancellation_tiers)
  return out
}

/** Dates from `from` to `to` inclusive on the ISO weekdays given (all when none). */
export function datesInRange(from: string, to: string, weekdays: number[] = []) {
  const out: string[] = []
  const start = new Date(`${from}T00:00:00Z`)
  const end = new Date(`${to}T00:00:00Z`)
  for (let d = start; d <= end; d = new Date(d.getTime() + 86_400_000)) {
    const iso = ((d.getUTCDay() + 6) % 7) + 1
    if (!weekdays.length || weekdays.includes(iso)) out.push(d.toISOString().slice(0, 10))
  }
  return out
}

