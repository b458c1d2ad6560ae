import "server-only"
import { storeFetch } from "@/lib/medusa/rights"

// The travel routes answer prices in yuan (Medusa's major unit), like the rest of the store API.

export type Destination = { destination: string; city: string; packages: number; from_price: number | null; image: string | null }
export type PackageSummary = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  destination: string
  city: string
  days: number
  nights: number
  summary: string | null
  image: string | null
  from_price: number | null
}
export type ItineraryDay = { day: number; title: string; description: string; meals?: string; stay?: string }
export type PackageDetail = PackageSummary & {
  itinerary: ItineraryDay[]
  inclusions: { included: string[]; excluded: string[] }
  images: string[]
  cancellation_tiers: { min_days: number; percent: number }[]
  next_departure: string | null
}
export type Departure = {
  id: string
  date: string
  capacity: number
  remaining: number
  status: "open" | "closed"
  prices: { adult: number; child: number; senior: number }
  single_supplement: number
}

export class TravelApiError extends Error {
  constructor(public status: number, public code: string | undefined, message: string) {
    super(message)
  }
}

async function get<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
  const qs = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => Boolean(e[1]))).toString()
  const res = await storeFetch<T>(qs ? `${path}?${qs}` : path)
  if (!res.ok) throw new TravelApiError(res.status, res.code, res.message)
  return res.body
}

export async function listDestinations(): Promise<Destination[]> {
  return (await get<{ destinations: Destination[] }>("/store/travel/destinations")).destinations
}

export async function listPackages(destination?: string): Promise<PackageSummary[]> {
  return (await get<{ packages: PackageSummary[] }>("/store/travel/packages", { destination, limit: "100" })).packages
}

/** null when there is no such published package. */
export async function getPackage(handle: string): Promise<PackageDetail | null> {
  try {
    return (await get<{ package: PackageDetail }>(`/store/travel/packages/${encodeURIComponent(handle)}`)).package
  } catch (e) {
    if (e instanceof TravelApiError && e.status === 404) return null
    throw e
  }
}

export async function listDepartures(handle: string): Promise<Departure[]> {
  return (await get<{ departures: Departure[] }>(`/store/travel/packages/${encodeURIComponent(handle)}/departures`)).departures
}
