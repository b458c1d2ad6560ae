import fc from "fast-check"
import { highlight } from "../../src/modules/search/text/highlight"
import { bigramFilter, bigramVector, likePattern } from "../../src/modules/search/text/ngrams"
import { foldChar, normalizeQuery, normalizeText, queryTerms } from "../../src/modules/search/text/normalize"
import { segmentedField, segmentWords } from "../../src/modules/search/text/segment"
import { openSlots, productSearchDocument, shanghaiWeekSlot, SLOTS_PER_WEEK } from "../../src/modules/search/product-document"

describe("folding to one script", () => {
  it("maps traditional characters to simplified and leaves simplified alone", () => {
    expect(normalizeText("金龍酒家 電影 三亞 雙人套餐 蝦餃 烤鴨")).toEqual("金龙酒家 电影 三亚 双人套餐 虾饺 烤鸭")
    expect(normalizeText("金龙酒家 电影 三亚")).toEqual("金龙酒家 电影 三亚")
  })
  it("folds width and case: full-width Latin and digits become ASCII, lower case", () => {
    expect(normalizeText("ＧＯＬＤＥＮ Dragon １００")).toEqual("golden dragon 100")
    expect(foldChar("Ａ")).toEqual("a")
  })
  it("never changes the number of code points (highlight offsets depend on it)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        expect([...normalizeText(s)].length).toEqual([...s].length)
      })
    )
    expect([...normalizeText("ﬁ𠀋Ⅻ")].length).toEqual(3)
  })
  it("splits a query into terms on whitespace, folded", () => {
    expect(queryTerms("  金龍   代金券 ")).toEqual(["金龙", "代金券"])
    expect(normalizeQuery("Dim\tSum")).toEqual("dim sum")
  })
})

describe("segmentation with Intl.Segmenter('zh')", () => {
  it("has full ICU: Chinese text splits into dictionary words, not one token per run", () => {
    expect(segmentWords("代金券")).toEqual(["代金", "券"])
    expect(segmentWords("电影票")).toEqual(["电影", "票"])
    expect(segmentWords("金龙酒家 ¥100 代金券").length).toBeGreaterThanOrEqual(4)
  })
  it("folds before segmenting, so both scripts segment alike", () => {
    expect(segmentedField("金龍酒家 港式早茶")).toEqual(segmentedField("金龙酒家 港式早茶"))
    expect(segmentedField("Golden Dragon", null, "電影")).toEqual("golden dragon 电影")
  })
})

describe("character bigram substring index", () => {
  it("holds each bigram once, and answers 1–2 characters exactly, longer terms as candidates", () => {
    expect(bigramVector("金龙酒家金龙")).toEqual("'金龙' '龙酒' '酒家' '家金' '龙\u0001'")
    expect(bigramFilter("券")).toEqual({ tsquery: "'券':*", exact: true })
    expect(bigramFilter("金龙")).toEqual({ tsquery: "'金龙'", exact: true })
    expect(bigramFilter("代金券")).toEqual({ tsquery: "'代金' & '金券'", exact: false })
    expect(bigramFilter("")).toBeNull()
  })
  it("escapes quotes and backslashes in lexemes, and LIKE wildcards in patterns", () => {
    expect(bigramVector("a'b")).toContain("'a'''")
    expect(bigramFilter("a\\b")!.tsquery).toEqual("'a\\\\' & '\\\\b'")
    expect(likePattern("100%_x\\")).toEqual("%100\\%\\_x\\\\%")
  })
})

describe("highlighting", () => {
  it("marks matches of folded terms in the original script and escapes HTML", () => {
    expect(highlight("金龍酒家 ¥100 代金券", "金龙 代金券")).toEqual("<mark>金龍</mark>酒家 ¥100 <mark>代金券</mark>")
    expect(highlight("Golden <Dragon>", "dragon")).toEqual("Golden &lt;<mark>Dragon</mark>&gt;")
    expect(highlight("蜀香園", "金龍")).toBeNull()
  })
})

describe("store hours → open slots (Asia/Shanghai)", () => {
  it("covers each period in 15-minute slots, wrapping past midnight and the week", () => {
    const slots = openSlots({ "1": ["10:30-22:00"] })
    expect(slots[0]).toEqual((10 * 60 + 30) / 15)
    expect(slots[slots.length - 1]).toEqual((21 * 60 + 45) / 15)
    expect(slots).toHaveLength(46)
    const late = openSlots({ "7": ["22:00-02:00"] })
    expect(late).toContain(0) // Monday 00:00 belongs to Sunday night's period
    expect(late).toContain(6 * 96 + 88)
    expect(openSlots({ "8": ["10:00-11:00"], "1": ["bad"] })).toEqual([])
    expect(openSlots({ "1": ["00:00-24:00"] })).toHaveLength(96)
  })
  it("places an instant in its Shanghai week slot", () => {
    // 2026-11-30 is a Monday; 02:00 UTC is 10:00 in Shanghai
    expect(shanghaiWeekSlot(new Date("2026-11-30T02:00:00Z"))).toEqual(40)
    // Sunday 23:59 Shanghai is the last slot
    expect(shanghaiWeekSlot(new Date("2026-11-29T15:59:00Z"))).toEqual(SLOTS_PER_WEEK - 1)
  })
})

describe("product document", () => {
  const row = {
    id: "prod_1",
    handle: "golden",
    status: "published",
    title: "金龍酒家 ¥100 代金券",
    subtitle: "Golden Dragon voucher",
    description: "可分多次使用",
    metadata: { scene: "meal", city: "Shanghai" },
    variants: [
      { manage_inventory: false, prices: [{ currency_code: "cny", amount: 88 }, { currency_code: "usd", amount: 5 }] },
      { manage_inventory: false, prices: [{ currency_code: "cny", amount: 120.5 }] },
    ],
    merchant: { name: "Golden Dragon 金龍酒家", stores: [{ name: "南京西路總店", city: "Shanghai", latitude: 31.2, longitude: 121.4, hours: { "1": ["10:30-22:00"] }, status: "active" }] },
  }
  it("carries segmented, folded fields, the cheapest CNY price in fen and the stores' geo and hours", () => {
    const d = productSearchDocument(row)!
    expect(d.price).toEqual(8800)
    expect(d.title_norm).toEqual("金龙酒家 ¥100 代金券")
    expect(d.title_zh).toEqual("金 龙 酒家 100 代金 券")
    expect(d.names_zh).toContain("上海")
    expect(d.search_text.split("\n")[0]).toEqual("金龙酒家 ¥100 代金券")
    expect(JSON.parse(d.stores_json)).toEqual([{ name: "南京西路總店", lat: 31.2, lng: 121.4 }])
    expect(d.open_slots).toHaveLength(46)
    expect(d.in_stock).toBe(true)
  })
  it("leaves out unpublished products and knows when goods are sold out", () => {
    expect(productSearchDocument({ ...row, status: "draft" })).toBeNull()
    const soldOut = productSearchDocument({ ...row, variants: [{ manage_inventory: true, prices: [], inventory_items: [{ inventory: { location_levels: [{ available_quantity: 0 }] } }] }] })!
    expect(soldOut.in_stock).toBe(false)
    expect(soldOut.price).toBeNull()
  })
})
