import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ID_TYPES } from "../modules/travel/id-documents"
import { MAX_TRAVELLERS_PER_BOOKING } from "../modules/travel/service"
import { TRAVELLER_TYPES } from "../modules/travel/pricing"

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a calendar date")
// yuan with at most 2 decimals, as Medusa's admin API sends amounts
const yuan = z.number().min(0).max(1_000_000).refine((n) => Math.round(n * 100) === Number((n * 100).toFixed(6)), "at most 2 decimals")
const handle = z.string().min(2).max(100).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and dashes")

const Empty = z.object({}).strict()
const PackagesQuery = z
  .object({
    destination: z.string().max(100).optional(),
    city: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict()
const DeparturesQuery = z.object({ from: ymd.optional(), to: ymd.optional() }).strict()
const Traveller = z
  .object({
    type: z.enum(TRAVELLER_TYPES),
    name: z.string().trim().min(1).max(60),
    id_type: z.enum(ID_TYPES),
    // the shape is checked per document type by the service (→ invalid_id_number)
    id_number: z.string().min(1).max(40),
    phone: z.string().min(1).max(24),
    single_room: z.boolean().optional(),
  })
  .strict()
const CartTravelBody = z
  .object({
    departure_id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_]+$/),
    // an empty party is answered by the service with no_travellers
    travellers: z.array(Traveller).max(MAX_TRAVELLERS_PER_BOOKING * 2),
  })
  .strict()

const Tier = z.object({ min_days: z.number().int().min(0).max(365), percent: z.number().int().min(0).max(100) }).strict()
const ItineraryDay = z.object({ day: z.number().int().min(1).max(60), title: z.string().min(1).max(200), description: z.string().max(4000).default(""), meals: z.string().max(200).optional(), stay: z.string().max(200).optional() }).strict()
const PackageFields = {
  title: z.string().min(1).max(200),
  subtitle: z.string().max(200).nullable().optional(),
  destination: z.string().min(1).max(100),
  city: z.string().min(1).max(100),
  days: z.number().int().min(1).max(60),
  nights: z.number().int().min(0).max(60),
  summary: z.string().max(4000).nullable().optional(),
  itinerary: z.array(ItineraryDay).max(60),
  included: z.array(z.string().min(1).max(300)).max(50),
  excluded: z.array(z.string().min(1).max(300)).max(50),
  images: z.array(z.string().url().max(1000)).max(20),
  cancellation_tiers: z.array(Tier).min(1).max(10),
  status: z.enum(["published", "draft"]),
}
const CreatePackage = z
  .object({ handle, product_id: z.string().min(1).max(64), ...PackageFields, nights: PackageFields.nights.default(0), itinerary: PackageFields.itinerary.default([]), included: PackageFields.included.default([]), excluded: PackageFields.excluded.default([]), images: PackageFields.images.default([]), cancellation_tiers: PackageFields.cancellation_tiers.optional(), status: PackageFields.status.default("draft") })
  .strict()
const UpdatePackage = z.object(Object.fromEntries(Object.entries(PackageFields).map(([k, v]) => [k, (v as any).optional()])) as any).strict()
const Prices = z.object({ adult: yuan, child: yuan, senior: yuan }).strict()
const BulkDepartures = z
  .object({
    from: ymd,
    to: ymd,
    // ISO weekdays 1 (Mon) … 7 (Sun); empty or absent = every day
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    capacity: z.number().int().min(1).max(10_000),
    prices: Prices,
    single_supplement: yuan.default(0),
  })
  .strict()
const UpdateDeparture = z
  .object({ capacity: z.number().int().min(0).max(10_000).optional(), prices: Prices.partial().optional(), single_supplement: yuan.optional(), status: z.enum(["open", "closed"]).optional() })
  .strict()
const ManifestQuery = z.object({ format: z.enum(["json", "csv"]).default("json") }).strict()
const AdminList = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100), offset: z.coerce.number().int().min(0).default(0) }).strict()

// Validation for the travel routes (store and admin); admin routes are authenticated by Medusa.
export const travelMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/travel/destinations", methods: ["GET"], middlewares: [validateAndTransformQuery(Empty as any, {})] },
  { matcher: "/store/travel/packages", methods: ["GET"], middlewares: [validateAndTransformQuery(PackagesQuery as any, {})] },
  { matcher: "/store/travel/packages/:handle", methods: ["GET"], middlewares: [validateAndTransformQuery(Empty as any, {})] },
  { matcher: "/store/travel/packages/:handle/departures", methods: ["GET"], middlewares: [validateAndTransformQuery(DeparturesQuery as any, {})] },
  { matcher: "/store/carts/:id/travel", methods: ["GET"], middlewares: [validateAndTransformQuery(Empty as any, {})] },
  { matcher: "/store/carts/:id/travel", methods: ["POST"], middlewares: [validateAndTransformBody(CartTravelBody as any)] },
  { matcher: "/admin/travel/packages", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminList as any, {})] },
  { matcher: "/admin/travel/packages", methods: ["POST"], middlewares: [validateAndTransformBody(CreatePackage as any)] },
  { matcher: "/admin/travel/packages/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(Empty as any, {})] },
  { matcher: "/admin/travel/packages/:id", methods: ["POST"], middlewares: [validateAndTransformBody(UpdatePackage as any)] },
  { matcher: "/admin/travel/packages/:id/departures", methods: ["POST"], middlewares: [validateAndTransformBody(BulkDepartures as any)] },
  { matcher: "/admin/travel/departures/:id", methods: ["POST"], middlewares: [validateAndTransformBody(UpdateDeparture as any)] },
  { matcher: "/admin/travel/departures/:id/manifest", methods: ["GET"], middlewares: [validateAndTransformQuery(ManifestQuery as any, {})] },
]
