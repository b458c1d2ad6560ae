import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import seed from "../../src/scripts/seed"
import { PRODUCT_GRAPH_FIELDS } from "../../src/modules/search/product-document"

jest.setTimeout(240 * 1000)

// The truth the search is held to: a case-insensitive substring match (ILIKE) over title, subtitle,
// description, merchant, store names, city and scene, in either script. The converter here is the
// full OpenCC one (phrases included), independent of the index's per-character folding.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require("opencc-js")
const t2s: (s: string) => string = OpenCC.Converter({ from: "t", to: "cn" })
const s2t: (s: string) => string = OpenCC.Converter({ from: "cn", to: "t" })

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-search-")), "demo.json")

type Row = { id: string; handle: string; title: string; fields: string[]; scene: string; city: string; price: number }

const QUERIES = [
  "代金券", "金龍", "金龙", "電影", "电影", "三亞", "三亚", "火鍋", "火锅", "雙人", "双人", "烤鴨", "套餐", "券", "茶",
  "椰", "蝦餃", "虾饺", "golden", "Dragon", "hotpot", "voucher", "dim sum", "for two", "¥100", "Shanghai", "meal", "movie", "travel",
]

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer }) => {
    let demo: any
    let catalogue: Row[]
    const store = (extra: Record<string, string> = {}) => ({ headers: { "x-publishable-api-key": demo.publishable_key, ...extra } })
    const get = (query: string, extra: Record<string, string> = {}) =>
      api.get(`/store/search?${query}`, { ...store(extra), validateStatus: () => true })
    const searchAll = async (q: string, extra = "") => {
      const out: any[] = []
      for (let offset = 0; ; offset += 50) {
        const { status, data } = await get(`q=${encodeURIComponent(q)}&limit=50&offset=${offset}${extra}`)
        expect(status).toEqual(200)
        out.push(...data.hits)
        if (out.length >= data.count || !data.hits.length) return { hits: out, count: data.count, facets: data.facets }
      }
    }
    const truth = (q: string) => {
      const needles = [...new Set([q, t2s(q), s2t(q)].map((s) => s.toLowerCase()))]
      return catalogue
        .filter((p) => p.fields.some((f) => needles.some((n) => f.toLowerCase().includes(n) || t2s(f).toLowerCase().includes(t2s(n)))))
        .map((p) => p.handle)
        .sort()
    }
    const loadCatalogue = async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: PRODUCT_GRAPH_FIELDS, filters: { status: "published" } as any })
      return (data as any[]).map((p) => {
        const merchant = p.merchant ?? {}
        const stores = (merchant.stores ?? []).map((s: any) => s.name)
        return {
          id: p.id,
          handle: p.handle,
          title: p.title,
          scene: p.metadata?.scene,
          city: p.metadata?.city,
          price: Math.min(...p.variants.flatMap((v: any) => v.prices.filter((x: any) => x.currency_code === "cny").map((x: any) => Number(x.amount)))),
          fields: [p.title, p.subtitle, p.description, merchant.name, ...stores, p.metadata?.city, p.metadata?.scene].filter(Boolean),
        }
      })
    }
    const waitFor = async <T>(probe: () => Promise<T | undefined>, ms = 8000): Promise<T> => {
      const until = Date.now() + ms
      for (;;) {
        const got = await probe()
        if (got !== undefined) return got
        if (Date.now() > until) throw new Error("index did not catch up in time")
        await new Promise((r) => setTimeout(r, 200))
      }
    }

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
      catalogue = await loadCatalogue()
    })

    it("finds every product a substring search finds, in traditional or simplified script (recall = ILIKE truth)", async () => {
      expect(catalogue.length).toBeGreaterThanOrEqual(30)
      const misses: Record<string, string[]> = {}
      for (const q of QUERIES) {
        const expected = truth(q)
        const { hits, count } = await searchAll(q)
        const got = new Set(hits.map((h) => h.handle))
        expect(count).toEqual(hits.length)
        const missing = expected.filter((h) => !got.has(h))
        if (missing.length) misses[q] = missing
        if (["代金券", "金龍", "電影", "三亞", "火鍋"].includes(q)) expect(expected.length).toBeGreaterThan(0)
      }
      expect(misses).toEqual({})
      // both scripts give the same answer
      for (const [a, b] of [["金龍", "金龙"], ["電影", "电影"], ["三亞", "三亚"], ["火鍋", "火锅"], ["蝦餃", "虾饺"]]) {
        const [x, y] = await Promise.all([searchAll(a), searchAll(b)])
        expect(x.hits.map((h) => h.product_id).sort()).toEqual(y.hits.map((h) => h.product_id).sort())
      }
    })

    it("keeps a word's pieces together: characters that occur far apart do not match", async () => {
      // 金龍酒家 ¥100 代金券 has 酒 and 券, but never 酒券; Medusa's own q matches none of these
      for (const q of ["酒券", "龍券", "代金券雙"]) {
        const { hits } = await searchAll(q)
        expect(hits.map((h) => h.handle).sort()).toEqual(truth(q))
      }
      for (const q of ["代金券", "金龍", "三亞", "golden dragon"]) {
        const { hits } = await searchAll(q)
        expect(hits.map((h) => h.handle).sort()).toEqual(truth(q).length ? expect.arrayContaining(truth(q)) : [])
      }
    })

    it("puts the product whose title is the query first, in either script, and highlights the match", async () => {
      for (const p of catalogue.filter((_, i) => i % 4 === 0)) {
        for (const q of [p.title, t2s(p.title)]) {
          const { data } = await get(`q=${encodeURIComponent(q)}&limit=3`)
          expect(data.hits[0].handle).toEqual(p.handle)
        }
      }
      const { data } = await get(`q=${encodeURIComponent("金龙 代金券")}`)
      const golden = data.hits.find((h: any) => h.handle === "golden-dragon-100-voucher")
      expect(golden).toMatchObject({
        title: "金龍酒家 ¥100 代金券",
        subtitle: "Golden Dragon ¥100 stored-value voucher",
        scene: "meal",
        merchant_name: "Golden Dragon 金龍酒家",
        price: 88,
      })
      expect(golden.highlight.title).toEqual("<mark>金龍</mark>酒家 ¥100 <mark>代金券</mark>")
      expect(golden.highlight.merchant_name).toEqual("Golden Dragon <mark>金龍</mark>酒家")
      expect(Object.keys(data)).toEqual(expect.arrayContaining(["hits", "count", "facets"]))
    })

    it("filters by scene, city and price, counts facets, sorts by price and by distance", async () => {
      const all = await searchAll("券")
      const meal = await searchAll("券", "&scene=meal")
      expect(meal.hits.length).toBeGreaterThan(0)
      expect(meal.hits.every((h) => h.scene === "meal")).toBe(true)
      // facets: the scene facet ignores the scene filter (pick another scene), the city facet honours it
      expect(meal.facets.scene).toEqual(all.facets.scene)
      expect(Object.values(all.facets.scene as Record<string, number>).reduce((a, b) => a + b, 0)).toEqual(all.count)
      const mealCities = meal.hits.reduce((acc: Record<string, number>, h) => ({ ...acc, [h.city]: (acc[h.city] ?? 0) + 1 }), {})
      expect(meal.facets.city).toEqual(mealCities)
      expect(all.facets.scene.meal).toEqual(meal.count)

      const chengdu = await searchAll("火鍋", "&city=Chengdu")
      expect(chengdu.hits.length).toBeGreaterThan(0)
      expect(chengdu.hits.every((h) => h.city === "Chengdu")).toBe(true)

      const cheap = await searchAll("券", "&price_min=50&price_max=150")
      const expected = catalogue.filter((p) => truth("券").includes(p.handle) && p.price >= 50 && p.price <= 150).map((p) => p.handle).sort()
      expect(cheap.hits.map((h) => h.handle).sort()).toEqual(expected)
      expect(cheap.hits.every((h) => h.price >= 50 && h.price <= 150)).toBe(true)

      const byPrice = await searchAll("券", "&sort=price")
      const prices = byPrice.hits.map((h) => h.price)
      expect(prices).toEqual([...prices].sort((a, b) => a - b))
      const byPriceDesc = await searchAll("券", "&sort=price_desc")
      expect(byPriceDesc.hits.map((h) => h.price)).toEqual([...prices].sort((a, b) => b - a))

      // from Chengdu's Tianfu Square the Chengdu hotpot comes before anything in Shanghai
      const near = await searchAll("餐", "&sort=distance&lat=30.657&lng=104.066")
      const distances = near.hits.map((h) => h.distance_km).filter((d) => d !== null)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      expect(near.hits[0].city).toEqual("Chengdu")
      expect(near.hits[0].distance_km).toBeLessThan(50)
      const fromShanghai = await searchAll("餐", "&sort=distance&lat=31.23&lng=121.47")
      expect(fromShanghai.hits[0].city).toEqual("Shanghai")
    })

    it("'open now' follows store hours, and store, product and price changes reach the index within seconds", async () => {
      const merchants: any = getContainer().resolve("merchant")
      const [golden] = await merchants.listMerchants({ name: "Golden Dragon 金龍酒家" })
      const [shuxiang] = await merchants.listMerchants({ name: "Shuxiang Garden 蜀香園" })
      const allDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["00:00-24:00"]]))
      for (const s of await merchants.listMerchantStores({ merchant_id: golden.id })) await merchants.updateMerchantStores({ id: s.id, hours: allDay })
      for (const s of await merchants.listMerchantStores({ merchant_id: shuxiang.id })) await merchants.updateMerchantStores({ id: s.id, hours: {} })
      const openNow = await waitFor(async () => {
        const r = await searchAll("代金券", "&open_now=true")
        const handles = r.hits.map((h) => h.handle)
        return handles.includes("golden-dragon-100-voucher") ? handles : undefined
      })
      expect(openNow).not.toContain("shuxiang-hotpot-200-voucher")
      expect((await searchAll("代金券")).hits.map((h) => h.handle)).toContain("shuxiang-hotpot-200-voucher")

      const login = await api.post("/auth/user/emailpass", demo.admin)
      const admin = { headers: { authorization: `Bearer ${login.data.token}` } }
      const product = catalogue.find((p) => p.handle === "jingwei-roast-duck-for-two")!
      expect((await searchAll("烤全羊")).count).toEqual(0)
      await api.post(`/admin/products/${product.id}`, { title: "京味軒 烤全羊四人餐" }, admin)
      const hit = await waitFor(async () => (await searchAll("烤全羊")).hits.find((h) => h.product_id === product.id))
      expect(hit.title).toEqual("京味軒 烤全羊四人餐")
      // the old title is gone from the index (its description still mentions 烤鴨, so that still finds it)
      expect((await searchAll("北京烤鴨雙人")).hits.map((h) => h.product_id)).not.toContain(product.id)
      expect((await searchAll("烤鴨")).hits.map((h) => h.product_id)).toContain(product.id)

      const { data } = await api.get(`/admin/products/${product.id}?fields=variants.id,variants.prices.*`, admin)
      const variant = data.product.variants[0]
      await api.post(`/admin/products/${product.id}/variants/${variant.id}`, { prices: [{ currency_code: "cny", amount: 199 }] }, admin)
      const repriced = await waitFor(async () => {
        const h = (await searchAll("烤全羊")).hits.find((x) => x.product_id === product.id)
        return h?.price === 199 ? h : undefined
      })
      expect(repriced.price).toEqual(199)

      await api.post(`/admin/products/${product.id}`, { status: "draft" }, admin)
      await waitFor(async () => ((await searchAll("烤全羊")).count === 0 ? true : undefined))
    })

    it("answers bad input with 400 invalid_request", async () => {
      for (const query of ["q=", "q=%20%20", "", `q=${"券".repeat(101)}`, "q=券&sort=distance", "q=券&scene=spa", "q=券&limit=0", "q=券&limit=51",
        "q=券&offset=-1", "q=券&price_min=10&price_max=5", "q=券&lat=91&lng=0&sort=distance", "q=券&bogus=1", "q=券&open_now=maybe"]) {
        const res = await get(query)
        expect([query, res.status]).toEqual([query, 400])
        expect(res.data.code).toEqual("invalid_request")
      }
      expect((await get(`q=${"券".repeat(100)}`)).status).toEqual(200)
    })

    it("keeps recent searches per device and per customer, and ranks hot searches by people", async () => {
      const dev = (id: string) => ({ "x-device-id": id })
      const post = (q: string, extra: Record<string, string>) => api.post("/store/search/recent", { q }, { ...store(extra), validateStatus: () => true })
      expect((await post("火鍋", {})).status).toEqual(400)
      expect((await post("火鍋", dev("bad id!"))).data.code).toEqual("invalid_request")
      await post("火鍋", dev("device-aaaa"))
      await post("代金券", dev("device-aaaa"))
      const again = await post("火锅", dev("device-aaaa"))
      expect(again.status).toEqual(201)
      expect(again.data.recent.map((r: any) => r.q)).toEqual(["火锅", "代金券"])
      await post("代金券", dev("device-bbbb"))
      await post("代金券", dev("device-cccc"))
      await post("火鍋", dev("device-cccc"))
      await post("沒有這個東西", dev("device-cccc"))
      const other = await api.get("/store/search/recent", store(dev("device-bbbb")))
      expect(other.data.recent.map((r: any) => r.q)).toEqual(["代金券"])
      expect((await api.get("/store/search/recent", store())).data.recent).toEqual([])

      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      const customer = { authorization: `Bearer ${auth.data.token}` }
      await post("烤鴨", customer)
      expect((await api.get("/store/search/recent", store({ ...customer, ...dev("device-aaaa") }))).data.recent.map((r: any) => r.q)).toEqual(["烤鴨"])

      const hot = await api.get("/store/search/hot", store())
      expect(hot.data.hot.slice(0, 2)).toEqual([{ q: "代金券", people: 3 }, { q: "火鍋", people: 2 }])
      expect(hot.data.hot.map((h: any) => h.q)).not.toContain("沒有這個東西")

      await api.delete("/store/search/recent", store(dev("device-aaaa")))
      expect((await api.get("/store/search/recent", store(dev("device-aaaa")))).data.recent).toEqual([])
    })

    it("serves the index from the Chinese-aware Postgres provider of Medusa's Search Module", async () => {
      const search: any = getContainer().resolve(Modules.SEARCH)
      const indexes = await search.listIndexes()
      expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ name: "product", provider: process.env.MEILISEARCH_HOST ? "meilisearch" : "postgres-zh" })]))
    })
  },
})
