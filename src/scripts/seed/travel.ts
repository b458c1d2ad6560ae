import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { shanghaiDate } from "../../lib/shanghai-time"
import { MERCHANT_MODULE } from "../../modules/merchant"
import type MerchantModuleService from "../../modules/merchant/service"
import { TRAVEL_MODULE } from "../../modules/travel"
import { DEFAULT_CANCELLATION_TIERS, type CancellationTier } from "../../modules/travel/cancellation"
import type TravelModuleService from "../../modules/travel/service"
import { VOUCHER_MODULE } from "../../modules/voucher"
import type VoucherModuleService from "../../modules/voucher/service"
import { PRODUCTS } from "./catalogue"
import { demoImageUrl } from "./images"

type SeedCtx = { container: MedusaContainer; logger: Logger; created: string[] }

type PackageSeed = {
  handle: string
  capacity: number
  /** ISO weekdays the tour leaves on; empty = every day */
  weekdays: number[]
  tiers?: CancellationTier[]
  summary: string
  itinerary: { title: string; description: string; meals?: string; stay?: string }[]
  included: string[]
  excluded: string[]
}

export const DEMO_DEPARTURE_DAYS = 60

// Eight of the catalogue's travel products become bookable packages.
export const TRAVEL_PACKAGES: PackageSeed[] = [
  {
    handle: "sanya-island-getaway-5d4n",
    capacity: 24,
    weekdays: [],
    tiers: [{ min_days: 45, percent: 100 }, { min_days: 14, percent: 70 }, { min_days: 3, percent: 30 }, { min_days: 0, percent: 0 }],
    summary: "亞龍灣海島五天，含酒店、早餐與蜈支洲島一日遊。Five island days at Yalong Bay with the resort, breakfast and a Wuzhizhou day trip.",
    itinerary: [
      { title: "抵達三亞 Arrive in Sanya", description: "鳳凰機場專車接送，入住亞龍灣五星酒店。Private transfer from Phoenix airport to the Yalong Bay resort.", stay: "亞龍灣 Yalong Bay" },
      { title: "蜈支洲島 Wuzhizhou Island", description: "乘船登島，浮潛與觀景台。Boat to the island, snorkelling and the lookout.", meals: "早 Breakfast", stay: "亞龍灣 Yalong Bay" },
      { title: "南山文化旅遊區 Nanshan", description: "南山寺與海上觀音。Nanshan Temple and the sea-facing Guanyin statue.", meals: "早 Breakfast", stay: "亞龍灣 Yalong Bay" },
      { title: "自由活動 Free day", description: "酒店沙灘或自選行程。The resort beach or an optional tour.", meals: "早 Breakfast", stay: "亞龍灣 Yalong Bay" },
      { title: "返程 Return", description: "早餐後送機。Breakfast, then the airport transfer.", meals: "早 Breakfast" },
    ],
    included: ["四晚五星酒店 4 nights five-star resort", "每日早餐 Daily breakfast", "蜈支洲島船票 Wuzhizhou ferry", "機場接送 Airport transfers"],
    excluded: ["往返機票 Return flights", "午餐晚餐 Lunch and dinner"],
  },
  {
    handle: "guilin-yangshuo-4d3n",
    capacity: 20,
    weekdays: [],
    summary: "漓江竹筏、遇龍河騎行與印象劉三姐。Li River rafting, Yulong River cycling and the Impression Liu Sanjie show.",
    itinerary: [
      { title: "桂林集合 Meet in Guilin", description: "象鼻山、兩江四湖夜遊。Elephant Trunk Hill and the two-rivers-four-lakes night cruise.", stay: "桂林 Guilin" },
      { title: "漓江竹筏 Li River", description: "楊堤至興坪竹筏，入住陽朔民宿。Bamboo raft from Yangdi to Xingping, guesthouse in Yangshuo.", meals: "早午 Breakfast, lunch", stay: "陽朔 Yangshuo" },
      { title: "遇龍河 Yulong River", description: "騎行遇龍河，晚上觀看印象劉三姐。Cycle the Yulong River; Impression Liu Sanjie at night.", meals: "早 Breakfast", stay: "陽朔 Yangshuo" },
      { title: "返程 Return", description: "西街自由活動後送站。Free time on West Street, then the station.", meals: "早 Breakfast" },
    ],
    included: ["三晚精品民宿 3 nights boutique guesthouses", "漓江竹筏 Li River raft", "印象劉三姐門票 Show ticket", "全程導遊 Guide throughout"],
    excluded: ["往返大交通 Travel to Guilin", "個人消費 Personal expenses"],
  },
  {
    handle: "lijiang-dali-6d5n",
    capacity: 12,
    weekdays: [1, 3, 5, 6],
    summary: "小團不超過 12 人：麗江古城、玉龍雪山、洱海與大理古城。Small groups of up to 12: Lijiang, Jade Dragon Snow Mountain, Erhai and Dali.",
    itinerary: [
      { title: "抵達麗江 Arrive in Lijiang", description: "接機入住古城客棧。Airport pick-up, old-town inn.", stay: "麗江 Lijiang" },
      { title: "玉龍雪山 Jade Dragon Snow Mountain", description: "大索道上冰川公園，藍月谷。Cable car to the glacier park, Blue Moon Valley.", meals: "早午 Breakfast, lunch", stay: "麗江 Lijiang" },
      { title: "束河古鎮 Shuhe", description: "束河古鎮與拉市海。Shuhe old town and Lashi lake.", meals: "早 Breakfast", stay: "麗江 Lijiang" },
      { title: "前往大理 To Dali", description: "動車至大理，洱海環湖騎行。Train to Dali, cycling around Erhai.", meals: "早 Breakfast", stay: "大理 Dali" },
      { title: "大理古城 Dali old town", description: "崇聖寺三塔與古城漫步。The Three Pagodas and the old town.", meals: "早 Breakfast", stay: "大理 Dali" },
      { title: "返程 Return", description: "送機。Airport transfer.", meals: "早 Breakfast" },
    ],
    included: ["五晚客棧 5 nights inns", "雪山大索道 Snow mountain cable car", "麗江至大理動車 Lijiang–Dali train", "小團導遊 Small-group guide"],
    excluded: ["往返機票 Return flights", "古城維護費 Old-town fee"],
  },
  {
    handle: "hangzhou-west-lake-weekend",
    capacity: 30,
    weekdays: [5, 6],
    summary: "週末兩天：西湖遊船、靈隱寺與龍井村品茶。A weekend of West Lake by boat, Lingyin Temple and Longjing tea.",
    itinerary: [
      { title: "西湖 West Lake", description: "斷橋、白堤、遊船至三潭印月。Broken Bridge, Bai causeway and a boat to Three Pools.", stay: "西湖邊 Lakeside" },
      { title: "靈隱寺與龍井村 Lingyin and Longjing", description: "上午靈隱寺，下午龍井村品茶。Lingyin Temple in the morning, tea in Longjing village.", meals: "早 Breakfast" },
    ],
    included: ["一晚湖邊精品酒店 1 night lakeside hotel", "西湖遊船 Lake boat", "靈隱寺門票 Lingyin ticket", "品茶體驗 Tea tasting"],
    excluded: ["往返交通 Travel to Hangzhou"],
  },
  {
    handle: "beijing-palace-great-wall-4d3n",
    capacity: 25,
    weekdays: [],
    summary: "故宮深度講解、慕田峪長城纜車、胡同與烤鴨。The Forbidden City with a guide, Mutianyu by cable car, hutongs and roast duck.",
    itinerary: [
      { title: "天安門與故宮 Forbidden City", description: "專業講解三小時。Three hours with an expert guide.", stay: "王府井 Wangfujing" },
      { title: "慕田峪長城 Mutianyu", description: "纜車上下，長城徒步。Cable car up and down, a walk on the wall.", meals: "早午 Breakfast, lunch", stay: "王府井 Wangfujing" },
      { title: "胡同與頤和園 Hutongs and Summer Palace", description: "三輪車遊胡同，晚餐全聚德。Rickshaw through the hutongs, roast duck dinner.", meals: "早晚 Breakfast, dinner", stay: "王府井 Wangfujing" },
      { title: "返程 Return", description: "送站。Station transfer.", meals: "早 Breakfast" },
    ],
    included: ["三晚酒店 3 nights hotel", "故宮門票與講解 Palace ticket and guide", "長城纜車 Great Wall cable car", "烤鴨晚餐 Roast duck dinner"],
    excluded: ["往返大交通 Travel to Beijing"],
  },
  {
    handle: "shanghai-bund-night-cruise",
    capacity: 40,
    weekdays: [],
    tiers: [{ min_days: 3, percent: 100 }, { min_days: 1, percent: 50 }, { min_days: 0, percent: 0 }],
    summary: "一日遊：豫園、南京路、外灘與浦江夜遊。A day of Yu Garden, Nanjing Road, the Bund and a Huangpu night cruise.",
    itinerary: [
      { title: "老城與外灘 Old town and the Bund", description: "豫園、南京路步行街、外灘建築群，晚上浦江遊船。Yu Garden, Nanjing Road, the Bund, then the river cruise.", meals: "午 Lunch" },
    ],
    included: ["豫園門票 Yu Garden ticket", "浦江遊船 River cruise", "本幫菜午餐 Shanghainese lunch", "導遊 Guide"],
    excluded: ["晚餐 Dinner"],
  },
  {
    handle: "zhangjiajie-5d4n",
    capacity: 20,
    weekdays: [2, 4, 6],
    summary: "張家界森林公園、天門山玻璃棧道與鳳凰古城夜景。Zhangjiajie forest park, the Tianmen glass skywalk and Fenghuang by night.",
    itinerary: [
      { title: "抵達張家界 Arrive", description: "接站入住。Pick-up and check-in.", stay: "張家界 Zhangjiajie" },
      { title: "國家森林公園 Forest park", description: "袁家界、金鞭溪。Yuanjiajie and Golden Whip Stream.", meals: "早午 Breakfast, lunch", stay: "武陵源 Wulingyuan" },
      { title: "天門山 Tianmen Mountain", description: "索道與玻璃棧道。Cable car and glass skywalk.", meals: "早 Breakfast", stay: "張家界 Zhangjiajie" },
      { title: "鳳凰古城 Fenghuang", description: "沱江邊吊腳樓夜景。Stilt houses on the Tuo River at night.", meals: "早 Breakfast", stay: "鳳凰 Fenghuang" },
      { title: "返程 Return", description: "送站。Station transfer.", meals: "早 Breakfast" },
    ],
    included: ["四晚酒店 4 nights hotels", "景區門票 Park tickets", "天門山索道 Tianmen cable car", "全程導遊 Guide throughout"],
    excluded: ["往返大交通 Travel to Zhangjiajie"],
  },
  {
    handle: "xiamen-gulangyu-3d2n",
    capacity: 18,
    weekdays: [],
    summary: "鼓浪嶼、環島路騎行與曾厝垵小吃。Gulangyu, cycling the ring road and Zengcuo'an street food.",
    itinerary: [
      { title: "廈門 Xiamen", description: "南普陀寺、廈大外圍、環島路騎行。Nanputuo Temple, the university and the ring road by bike.", stay: "海景酒店 Sea-view hotel" },
      { title: "鼓浪嶼 Gulangyu", description: "輪渡上島，日光岩與菽莊花園。Ferry to the island, Sunlight Rock and Shuzhuang Garden.", meals: "早 Breakfast", stay: "海景酒店 Sea-view hotel" },
      { title: "曾厝垵 Zengcuo'an", description: "小吃街後送站。Street food, then the station.", meals: "早 Breakfast" },
    ],
    included: ["兩晚海景酒店 2 nights sea-view hotel", "鼓浪嶼船票 Gulangyu ferry", "日光岩門票 Sunlight Rock ticket"],
    excluded: ["往返大交通 Travel to Xiamen", "正餐 Main meals"],
  },
]

/** Dates from tomorrow (Asia/Shanghai) for `days` days, on the given ISO weekdays. */
export function demoDepartureDates(today: Date, days: number, weekdays: number[]): string[] {
  const start = shanghaiDate(today)
  const [y, m, d] = start.split("-").map(Number)
  const out: string[] = []
  for (let i = 1; i <= days; i++) {
    const day = new Date(Date.UTC(y, m - 1, d + i))
    const iso = ((day.getUTCDay() + 6) % 7) + 1
    if (!weekdays.length || weekdays.includes(iso)) out.push(day.toISOString().slice(0, 10))
  }
  return out
}

/** A till at each tour operator's departure desk: the guide checks travellers in on the day. */
async function ensureOperatorTerminal(ctx: SeedCtx, merchantId: string) {
  const merchants: MerchantModuleService = ctx.container.resolve(MERCHANT_MODULE)
  const [store] = await merchants.listMerchantStores({ merchant_id: merchantId } as any, { take: 1, order: { created_at: "ASC" } } as any)
  if (!store) return
  const name = "出發集合點 Departure desk"
  const [terminal] = await merchants.listTerminals({ store_id: store.id, name } as any)
  if (!terminal) {
    await merchants.issueTerminal({ store_id: store.id, name })
    ctx.created.push(`terminal ${name} (${store.name})`)
  }
}

/**
 * Travel demo data: eight packages on the catalogue's travel products, their voucher templates
 * (kind travel, single use, the tour operator's) and departures for the next 60 days from the seed
 * date. Idempotent: packages by handle, templates by variant, departures by (package, date).
 */
export async function ensureTravel(ctx: SeedCtx, now = new Date()) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const link = ctx.container.resolve(ContainerRegistrationKeys.LINK)
  const travel: TravelModuleService = ctx.container.resolve(TRAVEL_MODULE)
  const vouchers: VoucherModuleService = ctx.container.resolve(VOUCHER_MODULE)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "title", "subtitle", "thumbnail", "variants.id", "variants.sku", "merchant.id"],
    filters: { handle: TRAVEL_PACKAGES.map((p) => p.handle) },
  })
  const operators = new Set<string>()
  let departures = 0
  for (const seed of TRAVEL_PACKAGES) {
    const product = (products as any[]).find((p) => p.handle === seed.handle)
    const catalogue = PRODUCTS.find((p) => p.handle === seed.handle)
    if (!product || !catalogue || !product.merchant?.id) continue
    const variant = [...(product.variants ?? [])].sort((a: any, b: any) => String(a.sku).localeCompare(String(b.sku)))[0]
    const adultFen = catalogue.variants[0].price * 100
    const meta = (catalogue.metadata ?? {}) as { destination?: string; days?: number; nights?: number }

    let [pkg] = await travel.listTravelPackages({ handle: seed.handle } as any)
    if (!pkg) {
      pkg = await travel.createTravelPackages({
        handle: seed.handle,
        variant_id: variant.id,
        merchant_id: product.merchant.id,
        title: catalogue.title,
        subtitle: catalogue.subtitle,
        destination: meta.destination ?? catalogue.city,
        city: catalogue.city,
        days: meta.days ?? seed.itinerary.length,
        nights: meta.nights ?? Math.max(0, seed.itinerary.length - 1),
        summary: seed.summary,
        itinerary: { days: seed.itinerary.map((d, i) => ({ day: i + 1, ...d })) },
        inclusions: { included: seed.included, excluded: seed.excluded },
        images: { urls: [demoImageUrl(seed.handle)] },
        cancellation_tiers: { tiers: seed.tiers ?? DEFAULT_CANCELLATION_TIERS },
        status: "published",
      } as any)
      ctx.created.push(`travel package ${seed.handle}`)
    } else if ((pkg.images as any)?.urls?.[0] !== demoImageUrl(seed.handle)) {
      await travel.updateTravelPackages({ id: pkg.id, images: { urls: [demoImageUrl(seed.handle)] } } as any)
    }
    const { data: linked } = await query.graph({ entity: "travel_package", fields: ["id", "product.id"], filters: { id: pkg.id } })
    if (!(linked[0] as any)?.product?.id) {
      await link.create({ [TRAVEL_MODULE]: { travel_package_id: pkg.id }, [Modules.PRODUCT]: { product_id: product.id } })
    }

    const [template] = await vouchers.listVoucherTemplates({ product_variant_id: pkg.variant_id! })
    if (!template) {
      await vouchers.createVoucherTemplates({
        product_variant_id: pkg.variant_id,
        merchant_id: product.merchant.id,
        kind: "travel",
        title: catalogue.title,
        face_value: adultFen,
        currency_code: "cny",
        usage: "single_use",
        // each place's voucher carries its own window: its departure day (line metadata.voucher)
        validity_type: "days_after_purchase",
        valid_days: 365,
        refund_policy: "refundable_unused",
        auto_refund_on_expiry: false,
      } as any)
      ctx.created.push(`voucher template travel ${seed.handle}`)
    }
    operators.add(product.merchant.id)

    // Fridays and Saturdays cost 10% more; children 70%, seniors 90%, a room alone 20% on top
    for (const weekend of [false, true]) {
      const adult = weekend ? Math.round((adultFen * 1.1) / 100) * 100 : adultFen
      const dates = demoDepartureDates(now, DEMO_DEPARTURE_DAYS, seed.weekdays).filter((d) => {
        const iso = ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
        return (iso === 5 || iso === 6) === weekend
      })
      const { created } = await travel.bulkCreateDepartures({
        package_id: pkg.id,
        dates,
        capacity: seed.capacity,
        price_adult: adult,
        price_child: Math.round((adult * 0.7) / 100) * 100,
        price_senior: Math.round((adult * 0.9) / 100) * 100,
        single_supplement: Math.round((adult * 0.2) / 100) * 100,
      })
      departures += created.length
    }
  }
  if (departures) ctx.created.push(`${departures} travel departures`)
  for (const merchantId of operators) await ensureOperatorTerminal(ctx, merchantId)
  ctx.logger.info(`[seed] travel: ${TRAVEL_PACKAGES.length} packages, ${departures} departures added`)
}
