import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const SEARCH_Q_MAX = 100
const SCENES = ["meal", "movie", "mall", "travel"] as const

const flag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1")

export const SearchQuery = z
  .object({
    q: z.string().trim().min(1, "q is required").max(SEARCH_Q_MAX, `q is at most ${SEARCH_Q_MAX} characters`),
    scene: z.enum(SCENES).optional(),
    city: z.string().trim().min(1).max(64).optional(),
    sort: z.enum(["relevance", "distance", "price", "price_desc"]).default("relevance"),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    // yuan, as Medusa's store API speaks
    price_min: z.coerce.number().min(0).max(10_000_000).optional(),
    price_max: z.coerce.number().min(0).max(10_000_000).optional(),
    open_now: flag.optional(),
    in_stock: flag.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .refine((v) => v.sort !== "distance" || (v.lat !== undefined && v.lng !== undefined), {
    message: "sort=distance needs lat and lng",
  })
  .refine((v) => v.price_min === undefined || v.price_max === undefined || v.price_min <= v.price_max, {
    message: "price_min must not exceed price_max",
  })
export type SearchQueryInput = z.infer<typeof SearchQuery>

const RecentQuery = z.object({}).strict()
export const RecentBody = z
  .object({ q: z.string().trim().min(1).max(SEARCH_Q_MAX) })
  .strict()
const HotQuery = z.object({ limit: z.coerce.number().int().min(1).max(20).default(10) }).strict()

const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

// Product search (GET /store/search), recent searches per customer or device, hot searches.
export const searchMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/search", methods: ["GET"], middlewares: [optionalCustomer, validateAndTransformQuery(SearchQuery as any, {})] },
  { matcher: "/store/search/recent", methods: ["GET", "DELETE"], middlewares: [optionalCustomer, validateAndTransformQuery(RecentQuery as any, {})] },
  { matcher: "/store/search/recent", methods: ["POST"], middlewares: [optionalCustomer, validateAndTransformBody(RecentBody as any)] },
  { matcher: "/store/search/hot", methods: ["GET"], middlewares: [validateAndTransformQuery(HotQuery as any, {})] },
]
