import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { shanghaiMidnight, shanghaiParts } from "../../lib/shanghai-time"
import { CINEMA_MODULE } from "../../modules/cinema"
import { seatsFromLayout, type SeatType } from "../../modules/cinema/seat-rules"
import type CinemaModuleService from "../../modules/cinema/service"
import { MERCHANT_MODULE } from "../../modules/merchant"
import type MerchantModuleService from "../../modules/merchant/service"
import { VOUCHER_MODULE } from "../../modules/voucher"
import type VoucherModuleService from "../../modules/voucher/service"
import { demoImageUrl, writeArtwork } from "./images"

type SeedCtx = { container: MedusaContainer; logger: Logger; created: string[] }

export const CINEMA_MERCHANT = "Starlight Cinemas 星光影城"

// 15 rows of 20 seats (300): VIP in the middle rows, couple pairs at the back, two wheelchair spaces
const BIG_HALL = [
  "SXSS.SSSSSSSSSSSS.SSXS",
  ...Array(6).fill("SSSS.SSSSSSSSSSSS.SSSS"),
  ...Array(3).fill("SSSS.VVVVVVVVVVVV.SSSS"),
  ...Array(4).fill("SSSS.SSSSSSSSSSSS.SSSS"),
  "CCCC.CCCCCCCCCCCC.CCCC",
]
const IMAX_HALL = [...Array(4).fill("SSSS.SSSSSSSS.SSSS"), ...Array(4).fill("SSSS.VVVVVVVV.SSSS"), ...Array(2).fill("SSSS.SSSSSSSS.SSSS")]
const SMALL_HALL = [...Array(6).fill("SSS.SSSSSS.SSS"), "SSS.VVVVVV.SSS", "CC..CCCCCC..CC"]

const CINEMAS = [
  {
    store: "星光影城 南京西路店 Nanjing Rd W",
    address: "上海市靜安區南京西路 1038 號 梅龍鎮廣場 9 樓",
    city: "Shanghai",
    lat: 31.2296,
    lng: 121.4594,
    ticket: { handle: "starlight-nanjing-seat-ticket", title: "星光影城 南京西路店 選座電影票" },
    halls: [
      { name: "1號廳 Hall 1", layout: BIG_HALL, prices: { standard: 4500, vip: 6500, couple: 5500 }, format: "2D" as const },
      { name: "IMAX 廳 IMAX Hall", layout: IMAX_HALL, prices: { standard: 8000, vip: 10000, couple: 9000 }, format: "IMAX" as const },
    ],
  },
  {
    store: "星光影城 陸家嘴店 Lujiazui",
    address: "上海市浦東新區陸家嘴西路 168 號 正大廣場 8 樓",
    city: "Shanghai",
    lat: 31.2365,
    lng: 121.4997,
    ticket: { handle: "starlight-lujiazui-seat-ticket", title: "星光影城 陸家嘴店 選座電影票" },
    halls: [{ name: "3號廳 Hall 3", layout: SMALL_HALL, prices: { standard: 3990, vip: 5990, couple: 4990 }, format: "3D" as const }],
  },
]

const FILMS = [
  { title: "流浪地球 3 The Wandering Earth III", duration: 150, rating: "PG-13", score: 86, genres: ["科幻 Sci-fi", "冒險 Adventure"], languages: ["國語 Mandarin"] },
  { title: "長安三萬里 Chang An", duration: 128, rating: "G", score: 82, genres: ["動畫 Animation", "歷史 History"], languages: ["國語 Mandarin"] },
  { title: "Dune: Part Three 沙丘 3", duration: 155, rating: "PG-13", score: 84, genres: ["科幻 Sci-fi"], languages: ["English", "國語 Mandarin"] },
  { title: "熊出沒·逆轉時空 Boonie Bears", duration: 100, rating: "G", score: 75, genres: ["動畫 Animation", "家庭 Family"], languages: ["國語 Mandarin"] },
  { title: "Paddington in Peru 柏靈頓：秘魯大冒險", duration: 106, rating: "PG", score: 79, genres: ["喜劇 Comedy", "家庭 Family"], languages: ["English"] },
  { title: "消失的她 Lost in the Stars", duration: 121, rating: "PG-13", score: 70, genres: ["懸疑 Mystery", "劇情 Drama"], languages: ["國語 Mandarin", "粵語 Cantonese"] },
]

// Shanghai wall-clock hours of the daily slots; every film fits a 3 h slot with the cleaning gap
const SLOTS = [10, 13, 16, 19, 22]
const DAYS = 7

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")

async function ensureStore(ctx: SeedCtx, merchantId: string, c: (typeof CINEMAS)[number]) {
  const merchants: MerchantModuleService = ctx.container.resolve(MERCHANT_MODULE)
  let [store] = await merchants.listMerchantStores({ merchant_id: merchantId, name: c.store } as any)
  if (!store) {
    const hours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["09:30-02:00"]]))
    store = await merchants.createMerchantStores({ name: c.store, address: c.address, city: c.city, latitude: c.lat, longitude: c.lng, hours, merchant_id: merchantId } as any)
    ctx.created.push(`store ${c.store}`)
  }
  let [terminal] = await merchants.listTerminals({ store_id: store.id, name: "檢票口 Ticket gate" } as any)
  if (!terminal) {
    terminal = (await merchants.issueTerminal({ store_id: store.id, name: "檢票口 Ticket gate" })).terminal
    ctx.created.push(`terminal ${c.store}`)
  }
  const resolved = await merchants.resolveTerminalByKey(terminal.key_id)
  return { store, terminal: { key_id: terminal.key_id as string, secret: resolved!.secret as string } }
}

/** One ticket product per cinema, a variant per seat type, each with a `movie` voucher template valid at that cinema only. */
async function ensureTicketProduct(ctx: SeedCtx, c: (typeof CINEMAS)[number], merchantId: string, storeId: string, salesChannelId: string) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const link = ctx.container.resolve(ContainerRegistrationKeys.LINK)
  const vouchers: VoucherModuleService = ctx.container.resolve(VOUCHER_MODULE)
  const read = async () =>
    (await query.graph({ entity: "product", fields: ["id", "variants.id", "variants.title", "merchant.id"], filters: { handle: c.ticket.handle } })).data[0] as any
  let product = await read()
  const labels: Record<SeatType, string> = { standard: "標準座 Standard", vip: "VIP 座 VIP", couple: "情侶座 Couple" }
  const prices = c.halls[0].prices
  if (!product) {
    writeArtwork({ handle: c.ticket.handle, scene: "movie", title: c.ticket.title, subtitle: c.store, footer: `${CINEMA_MERCHANT} · ${c.city}` })
    const url = demoImageUrl(c.ticket.handle)
    const [category] = await ctx.container.resolve(Modules.PRODUCT).listProductCategories({ handle: "movie" })
    await createProductsWorkflow(ctx.container).run({
      input: {
        products: [
          {
            title: c.ticket.title,
            subtitle: `${c.store} seat ticket`,
            handle: c.ticket.handle,
            description: "在電影頁選好場次和座位後購買；憑券碼於影院檢票口核銷。Bought from a showtime's seat picker; check in with the code at the cinema's gate.",
            status: ProductStatus.PUBLISHED,
            thumbnail: url,
            images: [{ url }],
            ...(category ? { category_ids: [category.id] } : {}),
            sales_channels: [{ id: salesChannelId }],
            origin_country: "cn",
            options: [{ title: "座位 Seat", values: Object.values(labels) }],
            variants: (Object.keys(labels) as SeatType[]).map((t) => ({
              title: labels[t],
              sku: `PL-${c.ticket.handle.toUpperCase()}-${t.toUpperCase()}`,
              options: { "座位 Seat": labels[t] },
              manage_inventory: false,
              allow_backorder: false,
              prices: [{ currency_code: "cny", amount: prices[t] / 100 }],
              metadata: { seat_type: t },
            })),
            metadata: { scene: "movie", merchant: CINEMA_MERCHANT, city: c.city, cinema_ticket: true },
          },
        ],
      },
    })
    ctx.created.push(`product ${c.ticket.handle}`)
    product = await read()
  }
  if (!product.merchant) await link.create({ [MERCHANT_MODULE]: { merchant_id: merchantId }, [Modules.PRODUCT]: { product_id: product.id } })
  const variants: Record<string, string> = {}
  for (const t of Object.keys(labels) as SeatType[]) {
    const variant = product.variants.find((v: any) => v.title === labels[t])
    variants[t] = variant.id
    const [template] = await vouchers.listVoucherTemplates({ product_variant_id: variant.id })
    if (template) continue
    await vouchers.createVoucherTemplates({
      product_variant_id: variant.id,
      merchant_id: merchantId,
      kind: "movie",
      title: `${c.ticket.title} · ${labels[t]}`,
      face_value: prices[t],
      currency_code: "cny",
      usage: "single_use",
      // each ticket carries its own window (2 h before to 30 min after the start) in the line's metadata
      validity_type: "days_after_purchase",
      valid_days: 30,
      allowed_store_ids: { ids: [storeId] },
      refund_policy: "refundable_unused",
      auto_refund_on_expiry: false,
    } as any)
    ctx.created.push(`voucher template ${c.ticket.handle} ${t}`)
  }
  return variants
}

/**
 * The cinema demo: two Starlight cinemas (stores with a ticket-gate terminal), three halls with
 * seat maps, six films and showtimes for the next seven Shanghai days. Idempotent; showtimes are
 * topped up relative to the day the seed runs.
 */
export async function ensureCinemas(ctx: SeedCtx, salesChannelId: string) {
  const cinema: CinemaModuleService = ctx.container.resolve(CINEMA_MODULE)
  const merchants: MerchantModuleService = ctx.container.resolve(MERCHANT_MODULE)
  const [merchant] = await merchants.listMerchants({ name: CINEMA_MERCHANT })
  if (!merchant) throw new Error(`seed: merchant ${CINEMA_MERCHANT} is missing (the merchants seed creates it)`)

  const films: any[] = []
  for (const f of FILMS) {
    let [film] = await cinema.listFilms({ title: f.title })
    if (!film) {
      const handle = `film-${slug(f.title)}`
      writeArtwork({ handle, scene: "movie", title: f.title.split(" ")[0], subtitle: f.genres.join(" · "), footer: `${f.duration} min · ${f.rating}` })
      film = await cinema.createFilms({
        title: f.title,
        duration_minutes: f.duration,
        rating: f.rating,
        score: f.score,
        genres: { values: f.genres },
        languages: { values: f.languages },
        poster_url: demoImageUrl(handle),
        synopsis: `${f.title} — ${f.genres.join(", ")}.`,
        status: "showing",
      } as any)
      ctx.created.push(`film ${f.title}`)
    }
    films.push(film)
  }

  const halls: { id: string; prices: Record<SeatType, number>; format: "2D" | "3D" | "IMAX" }[] = []
  let gate: { key_id: string; secret: string } | null = null
  for (const c of CINEMAS) {
    const { store, terminal } = await ensureStore(ctx, merchant.id, c)
    gate ??= terminal
    const ticket_variants = await ensureTicketProduct(ctx, c, merchant.id, store.id, salesChannelId)
    let [row] = await cinema.listCinemas({ merchant_store_id: store.id })
    if (!row) {
      row = await cinema.createCinemas({ name: c.store, city: c.city, address: c.address, merchant_id: merchant.id, merchant_store_id: store.id, ticket_variants } as any)
      ctx.created.push(`cinema ${c.store}`)
    }
    for (const h of c.halls) {
      let [hall] = await cinema.listHalls({ cinema_id: row.id, name: h.name })
      if (!hall) {
        const grid = seatsFromLayout(h.layout)
        hall = await cinema.createHalls({ cinema_id: row.id, name: h.name, grid_rows: grid.rows, grid_cols: grid.cols, cleaning_minutes: 15 } as any)
        await cinema.replaceHallSeats(hall.id, grid)
        ctx.created.push(`hall ${c.store} ${h.name}`)
      }
      halls.push({ id: hall.id, prices: h.prices, format: h.format })
    }
  }

  // showtimes: every hall, every slot of the next DAYS Shanghai days still in the future
  const now = new Date()
  const today = shanghaiParts(now)
  const existing = await cinema.listShowtimes({ hall_id: halls.map((h) => h.id), starts_at: { $gte: now } } as any, { select: ["hall_id", "starts_at"] })
  const have = new Set(existing.map((s: any) => `${s.hall_id}@${new Date(s.starts_at).getTime()}`))
  let added = 0
  for (let d = 0; d < DAYS; d++) {
    const midnight = shanghaiMidnight(today.year, today.month, today.day + d)
    for (const [hi, hall] of halls.entries()) {
      for (const [si, hour] of SLOTS.entries()) {
        const startsAt = new Date(midnight.getTime() + hour * 3600_000)
        if (startsAt <= now || have.has(`${hall.id}@${startsAt.getTime()}`)) continue
        const film = films[(d + hi * 2 + si) % films.length]
        try {
          await cinema.scheduleShowtime({
            film_id: film.id,
            hall_id: hall.id,
            starts_at: startsAt,
            format: hall.format,
            language: ((film.languages as any)?.values ?? ["國語 Mandarin"])[0],
            prices: hall.prices,
          })
          added++
        } catch (e: any) {
          if (e?.code !== "showtime_overlap") throw e // an operator scheduled something there: leave it
        }
      }
    }
  }
  if (added) ctx.created.push(`${added} showtimes`)
  return { cinema_terminal: gate }
}
