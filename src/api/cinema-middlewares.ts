import type { MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { cinemaErrorResponse } from "../modules/cinema/cinema-error"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

const id = (prefix: string) => z.string().min(3).max(64).regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`))
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a calendar date")
const city = z.string().min(1).max(60)
// prices on the wire are yuan with at most 2 decimals (¥45.5 → 45.5)
const yuan = z.number().min(0).max(100000).refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "at most 2 decimals")

export const StoreListShowtimes = z
  .object({ date: isoDay, cinema_id: id("cin").optional(), film_id: id("film").optional(), city: city.optional() })
  .strict()
export const StoreSeatMap = z.object({ cart_id: id("cart").optional() }).strict()
export const StoreListFilms = z.object({ city: city.optional() }).strict()
export const StoreGetFilm = z.object({}).strict()
export const StoreListCinemas = z.object({ city: city.optional() }).strict()
export const StoreHoldSeats = z
  .object({
    showtime_id: id("sht"),
    seat_ids: z.array(id("seat")).min(1).max(10),
  })
  .strict()

export const AdminListCinemas = z.object({}).strict()
export const AdminCreateCinema = z
  .object({ name: z.string().min(1).max(120), city, address: z.string().max(200).nullish(), merchant_store_id: z.string().min(1).max(64) })
  .strict()
export const AdminCreateHall = z
  .object({ name: z.string().min(1).max(60), cleaning_minutes: z.number().int().min(0).max(240).default(15) })
  .strict()
export const AdminSaveSeats = z
  .object({
    rows: z.number().int().min(1).max(60),
    cols: z.number().int().min(1).max(80),
    seats: z
      .array(
        z
          .object({
            row_label: z.string().min(1).max(4),
            number: z.number().int().min(1).max(200),
            type: z.enum(["standard", "vip", "couple"]),
            pair_id: z.string().min(1).max(40).nullable().default(null),
            x: z.number().int().min(0).max(79),
            y: z.number().int().min(0).max(59),
            disabled: z.boolean().default(false),
          })
          .strict()
      )
      .max(3000),
  })
  .strict()
export const AdminFilmBody = z
  .object({
    title: z.string().min(1).max(200),
    original_title: z.string().max(200).nullish(),
    synopsis: z.string().max(4000).nullish(),
    poster_url: z.string().max(1000).nullish(),
    duration_minutes: z.number().int().min(1).max(600),
    rating: z.string().max(20).nullish(),
    score: z.number().min(0).max(10).nullish(),
    genres: z.array(z.string().min(1).max(40)).max(10).default([]),
    languages: z.array(z.string().min(1).max(40)).max(10).default([]),
    release_date: z.string().datetime({ offset: true }).nullish(),
    status: z.enum(["showing", "coming_soon", "archived"]).default("showing"),
  })
  .strict()
export const AdminUpdateFilm = AdminFilmBody.partial().strict()
export const AdminListShowtimes = z
  .object({ hall_id: id("hall").optional(), cinema_id: id("cin").optional(), from: z.string().datetime({ offset: true }).optional(), to: z.string().datetime({ offset: true }).optional() })
  .strict()
export const AdminCreateShowtime = z
  .object({
    film_id: id("film"),
    hall_id: id("hall"),
    starts_at: z.string().datetime({ offset: true }),
    format: z.enum(["2D", "3D", "IMAX"]),
    language: z.string().min(1).max(40),
    prices: z.object({ standard: yuan, vip: yuan, couple: yuan }).strict(),
  })
  .strict()
export const NoBody = z.object({}).strict().nullish()

/** A route handler whose cinema conflicts answer 409 `{ code, message }` (see cinemaErrorResponse). */
export function cinemaRoute<Req extends MedusaRequest>(handler: (req: Req, res: MedusaResponse) => Promise<void>) {
  return async (req: Req, res: MedusaResponse) => {
    try {
      await handler(req, res)
    } catch (e) {
      const answer = cinemaErrorResponse(e)
      if (!answer) throw e
      res.status(answer.status).json(answer.body)
    }
  }
}

const list = { isList: true, defaults: ["id"] }
const retrieve = { isList: false, defaults: ["id"] }

// Validation for the movie-ticket routes (store: films, cinemas, showtimes, seat holds; admin: the
// cinema catalogue, seat maps, films and scheduling). Medusa authenticates /admin itself.
export const cinemaMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/showtimes", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreListShowtimes as any, list)] },
  { matcher: "/store/showtimes/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreGetFilm as any, retrieve)] },
  { matcher: "/store/showtimes/:id/seats", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreSeatMap as any, retrieve)] },
  { matcher: "/store/films", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreListFilms as any, list)] },
  { matcher: "/store/films/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreGetFilm as any, retrieve)] },
  { matcher: "/store/cinemas", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreListCinemas as any, list)] },
  { matcher: "/store/carts/:id/seats", methods: ["POST"], middlewares: [validateAndTransformBody(StoreHoldSeats as any)] },
  { matcher: "/admin/cinemas", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListCinemas as any, list)] },
  { matcher: "/admin/cinemas", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateCinema as any)] },
  { matcher: "/admin/cinemas/:id/halls", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateHall as any)] },
  { matcher: "/admin/halls/:id/seats", methods: ["POST"], middlewares: [validateAndTransformBody(AdminSaveSeats as any)] },
  { matcher: "/admin/films", methods: ["POST"], middlewares: [validateAndTransformBody(AdminFilmBody as any)] },
  { matcher: "/admin/films/:id", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateFilm as any)] },
  { matcher: "/admin/showtimes", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListShowtimes as any, list)] },
  { matcher: "/admin/showtimes", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateShowtime as any)] },
]
