import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fenToMajor } from "../../../lib/money"
import { shanghaiDate } from "../../../lib/shanghai-time"
import { isTravelError } from "../../../modules/travel/travel-error"
import { normaliseTiers } from "../../../modules/travel/cancellation"
import type { DepartureRow } from "../../../modules/travel/service"

/** Runs a handler; a TravelError answers `{ code, message }` with its own status (409 sold_out …). */
export async function answerTravel(res: MedusaResponse, fn: () => Promise<unknown>) {
  try {
    await fn()
  } catch (e) {
    if (isTravelError(e)) {
      res.status(e.status).json({ code: e.code, message: e.message })
      return
    }
    throw e
  }
}

export function notFound(what: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `${what} was not found.`, "not_found")
}

export function packageSummaryView(p: any, fromFen: number | null, thumbnail?: string | null) {
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
    image: (p.images as any)?.urls?.[0] ?? thumbnail ?? null,
    from_price: fromFen === null ? null : fenToMajor(fromFen),
    currency_code: "cny",
  }
}

export function packageDetailView(p: any, fromFen: number | null, thumbnail?: string | null) {
  return {
    ...packageSummaryView(p, fromFen, thumbnail),
    variant_id: p.variant_id ?? null,
    itinerary: (p.itinerary as any)?.days ?? [],
    inclusions: { included: (p.inclusions as any)?.included ?? [], excluded: (p.inclusions as any)?.excluded ?? [] },
    images: (p.images as any)?.urls ?? [],
    cancellation_tiers: normaliseTiers((p.cancellation_tiers as any)?.tiers),
  }
}

export function departureView(d: DepartureRow) {
  return {
    id: d.id,
    date: d.date,
    capacity: d.capacity,
    remaining: d.status === "open" ? d.remaining : 0,
    status: d.status,
    prices: { adult: fenToMajor(d.price_adult), child: fenToMajor(d.price_child), senior: fenToMajor(d.price_senior) },
    single_supplement: fenToMajor(d.single_supplement),
    currency_code: "cny",
  }
}

/** The first day a shopper can book: tomorrow in Asia/Shanghai. */
export function firstBookableDate(now = new Date()) {
  return shanghaiDate(new Date(now.getTime() + 86_400_000))
}

export function addDays(ymd: string, days: number) {
  const [y, m, d] = ymd.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
