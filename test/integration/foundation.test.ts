import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import seed from "../../src/scripts/seed"

jest.setTimeout(240 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-it-")), "demo.json")
const SCENES = ["meal", "movie", "mall", "travel"]
const HAN = /[\u3400-\u9fff]/

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    const store = (key = demo.publishable_key) => ({ headers: { "x-publishable-api-key": key } })
    const countRows = async () => {
      const tables = ["product", "product_category", "region", "api_key", "sales_channel", "stock_location",
        "shipping_option", "user", "customer", "provider_identity", "price", "inventory_level"]
      const out: Record<string, number> = {}
      for (const t of tables) {
        const r = await dbConnection.raw(`SELECT count(*)::int AS n FROM "${t}" WHERE deleted_at IS NULL`)
        out[t] = r.rows[0].n
      }
      return out
    }

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
    })

    it("answers the health check", async () => {
      const res = await api.get("/health")
      expect(res.data).toEqual("OK")
    })

    describe("infrastructure chosen by the environment", () => {
      const redisUrl = process.env.REDIS_URL

      it("uses Medusa's Redis event bus and cache exactly when REDIS_URL is set", () => {
        const container = getContainer()
        expect(container.resolve(Modules.EVENT_BUS).constructor.name).toEqual(
          redisUrl ? "RedisEventBusService" : "LocalEventBusService"
        )
        expect(container.resolve(Modules.CACHE).constructor.name).toEqual(
          redisUrl ? "RedisCacheService" : "InMemoryCacheService"
        )
      })

      it("serialises work on one lock key, holding the lock in Redis when REDIS_URL is set", async () => {
        const locking = getContainer().resolve(Modules.LOCKING)
        const redis = redisUrl ? new Redis(redisUrl) : null
        const events: string[] = []
        let keysWhileHeld: string[] = []
        const worker = (name: string) =>
          locking.execute("palmlife-probe", async () => {
            events.push(`${name}:start`)
            if (redis && !keysWhileHeld.length) keysWhileHeld = await redis.keys("*palmlife-probe*")
            await new Promise((r) => setTimeout(r, 150))
            events.push(`${name}:end`)
          })
        try {
          await Promise.all([worker("a"), worker("b")])
        } finally {
          redis?.disconnect()
        }
        expect(events).toHaveLength(4)
        // never interleaved: each start is followed by its own end
        expect(events[1]).toEqual(events[0].replace("start", "end"))
        expect(events[3]).toEqual(events[2].replace("start", "end"))
        if (redis) expect(keysWhileHeld.length).toBeGreaterThan(0)
      })
    })

    describe("demo seed", () => {
      it("writes demo.json with the URLs, publishable key and both logins", () => {
        expect(demo).toEqual(
          expect.objectContaining({
            backend_url: expect.stringMatching(/^http/),
            storefront_url: expect.stringMatching(/^http/),
            publishable_key: expect.stringMatching(/^pk_/),
            admin: { email: "admin@palmlife.dev", password: "palmlife" },
            customer: { email: "demo@palmlife.dev", password: "palmlife", id: expect.stringMatching(/^cus_/) },
            customer_groups: { "Gold card": expect.stringMatching(/^cusgroup_/), "Platinum card": expect.stringMatching(/^cusgroup_/) },
          })
        )
      })

      it("is idempotent: a second run creates nothing and keeps the same key", async () => {
        const before = await countRows()
        expect(before.product).toBeGreaterThanOrEqual(32)
        await seed({ container: getContainer(), args: [] } as any)
        expect(await countRows()).toEqual(before)
        expect(JSON.parse(fs.readFileSync(demoJson, "utf8")).publishable_key).toEqual(demo.publishable_key)
      })

      it("sells the Golden Dragon ¥100 voucher at ¥88 in CNY, tax-inclusive", async () => {
        const { data: regions } = await api.get("/store/regions", store())
        const china = regions.regions.find((r: any) => r.currency_code === "cny")
        expect(china.countries.map((c: any) => c.iso_2)).toContain("cn")
        const { data } = await api.get(
          `/store/products?handle=golden-dragon-100-voucher&region_id=${china.id}&fields=*variants.calculated_price,+metadata,*categories`,
          store()
        )
        expect(data.products).toHaveLength(1)
        const [product] = data.products
        expect(product.metadata.merchant).toContain("Golden Dragon")
        expect(product.categories.map((c: any) => c.handle)).toContain("meal")
        const price = product.variants[0].calculated_price
        expect(price.currency_code).toEqual("cny")
        expect(Number(price.calculated_amount)).toEqual(88)
        expect(price.is_calculated_price_tax_inclusive).toBe(true)
      })

      it("has at least 8 products per scene with Chinese titles, English subtitles and local images", async () => {
        const { data: cats } = await api.get(`/store/product-categories?handle[]=${SCENES.join("&handle[]=")}`, store())
        expect(cats.product_categories.map((c: any) => c.handle).sort()).toEqual([...SCENES].sort())
        for (const cat of cats.product_categories) {
          const { data } = await api.get(`/store/products?category_id=${cat.id}&limit=100`, store())
          expect(data.products.length).toBeGreaterThanOrEqual(8)
          for (const p of data.products) {
            expect(p.title).toMatch(HAN)
            expect(p.subtitle).toMatch(/[A-Za-z]/)
            expect(p.handle).toMatch(/^[a-z0-9-]+$/)
            expect(p.thumbnail).toMatch(/\/static\//)
          }
        }
        const { data } = await api.get("/store/products?handle=golden-dragon-100-voucher", store())
        const img = await api.get(new URL(data.products[0].thumbnail).pathname)
        expect(img.status).toEqual(200)
        expect(String(img.headers["content-type"])).toContain("svg")
      })

      it("lets the operator and the demo customer log in", async () => {
        const admin = await api.post("/auth/user/emailpass", demo.admin)
        const me = await api.get("/admin/users/me", { headers: { authorization: `Bearer ${admin.data.token}` } })
        expect(me.data.user.email).toEqual("admin@palmlife.dev")

        const customer = await api.post("/auth/customer/emailpass", demo.customer)
        const cme = await api.get("/store/customers/me", {
          headers: { authorization: `Bearer ${customer.data.token}`, ...store().headers },
        })
        expect(cme.data.customer.email).toEqual("demo@palmlife.dev")

        const wrong = await api.post("/auth/customer/emailpass", { ...demo.customer, password: "nope" }).catch((e) => e.response)
        expect(wrong.status).toEqual(401)
      })

      it("rejects store calls without a publishable key with a 4xx", async () => {
        const res = await api.get("/store/products").catch((e) => e.response)
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
      })

      it("supports a mall checkout: shipping, stock and the system payment provider", async () => {
        const { data: list } = await api.get("/store/products?fields=*variants,*categories&limit=200", store())
        const mall = list.products.find((p: any) => p.categories.some((c: any) => c.handle === "mall"))
        const variant = mall.variants[0]
        const { data: regions } = await api.get("/store/regions", store())
        const region = regions.regions.find((r: any) => r.currency_code === "cny")

        const auth = await api.post("/auth/customer/emailpass", demo.customer)
        const h = { headers: { authorization: `Bearer ${auth.data.token}`, ...store().headers } }
        const { data: c1 } = await api.post("/store/carts", { region_id: region.id }, h)
        const cartId = c1.cart.id
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variant.id, quantity: 2 }, h)
        await api.post(`/store/carts/${cartId}`, {
          email: "demo@palmlife.dev",
          shipping_address: { first_name: "演示", last_name: "用户", address_1: "南京西路 1266 号", city: "上海", country_code: "cn", postal_code: "200040", phone: "13800138000" },
        }, h)
        const { data: so } = await api.get(`/store/shipping-options?cart_id=${cartId}`, h)
        expect(so.shipping_options.length).toBeGreaterThanOrEqual(1)
        const option = so.shipping_options[0]
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, h)
        const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, h)
        await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
        const { data: done } = await api.post(`/store/carts/${cartId}/complete`, {}, h)
        expect(done.type).toEqual("order")
        const unit = Number(variant.calculated_price?.calculated_amount ?? done.order.items[0].unit_price)
        expect(Number(done.order.items[0].unit_price)).toEqual(unit)
        expect(Number(done.order.total)).toEqual(unit * 2 + Number(option.amount))

        const { data: mine } = await api.get("/store/orders", h)
        expect(mine.orders.map((o: any) => o.id)).toContain(done.order.id)
      })
    })
  },
})
