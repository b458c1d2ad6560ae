import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { shanghaiDate } from "../../src/lib/shanghai-time"
import seed from "../../src/scripts/seed"
import { postMallDeliveryWorkflow } from "../../src/workflows/post-mall-delivery"
import { completeCart, payWithSystemProvider, registerShopper, Shopper, until } from "../support/rights-checkout"

jest.setTimeout(300 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-mall-")), "demo.json")
const ADDRESS = { first_name: "演示", last_name: "用户", address_1: "南京西路 1266 号", city: "上海", country_code: "cn", postal_code: "200040", phone: "13800138000" }

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    let admin: { headers: Record<string, string> }
    let seq = 0
    const today = shanghaiDate(new Date())

    const newShopper = async (points = 0) => {
      const s = await registerShopper(api as any, demo.publishable_key, `mall-${Date.now()}-${seq++}@palmlife.test`)
      if (points) await api.post(`/admin/customers/${s.customerId}/points-adjustments`, { points, reason: "test points" }, admin)
      return s
    }
    const productByHandle = async (s: Shopper, handle: string) =>
      (await api.get(`/store/products?handle=${handle}&region_id=${demo.region_id}&fields=*variants,+variants.metadata,*variants.calculated_price`, { headers: s.headers })).data.products[0]
    /** a shipped-goods cart: lines, address, the first shipping option (standard ¥10) */
    const mallCart = async (s: Shopper, lines: Array<{ handle: string; quantity: number }>) => {
      const { data: c } = await api.post("/store/carts", { region_id: demo.region_id, email: s.email }, { headers: s.headers })
      for (const l of lines) {
        const p = await productByHandle(s, l.handle)
        await api.post(`/store/carts/${c.cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: l.quantity }, { headers: s.headers })
      }
      await api.post(`/store/carts/${c.cart.id}`, { shipping_address: ADDRESS }, { headers: s.headers })
      const { data: so } = await api.get(`/store/shipping-options?cart_id=${c.cart.id}`, { headers: s.headers })
      const standard = so.shipping_options.find((o: any) => Number(o.amount) === 10) ?? so.shipping_options[0]
      await api.post(`/store/carts/${c.cart.id}/shipping-methods`, { option_id: standard.id }, { headers: s.headers })
      return c.cart.id as string
    }
    const applyPoints = (s: Shopper, cartId: string, points: number) =>
      api.post(`/store/carts/${cartId}/rights`, { points }, { headers: s.headers, validateStatus: () => true })
    const balanceOf = async (customerId: string) => Number((await dbConnection.raw(`SELECT balance FROM points_account WHERE customer_id = ?`, [customerId])).rows[0]?.balance ?? 0)
    const ledgerSum = async (customerId: string) => Number((await dbConnection.raw(`SELECT COALESCE(sum(points), 0) AS n FROM points_entry WHERE customer_id = ?`, [customerId])).rows[0].n)
    const trialBalance = async () => (await api.get("/admin/ledger/trial-balance", admin)).data
    const buy = async (s: Shopper, lines: Array<{ handle: string; quantity: number }>, points: number) => {
      const cartId = await mallCart(s, lines)
      if (points) expect((await applyPoints(s, cartId, points)).status).toEqual(200)
      await payWithSystemProvider(api as any, s, cartId)
      const done = await completeCart(api as any, s, cartId)
      expect([done.status, done.data.type]).toEqual([200, "order"])
      // funding and the sale posting are recorded by the order.placed subscriber
      await until("the order's funding", async () => (await dbConnection.raw(`SELECT 1 FROM order_line_funding WHERE order_id = ?`, [done.data.order.id])).rows.length > 0)
      return done.data.order
    }
    const storeOrder = async (s: Shopper, id: string) =>
      (await api.get(`/store/orders/${id}?fields=*items,*fulfillments,payment_status,fulfillment_status`, { headers: s.headers })).data.order
    const tracking = async (s: Shopper, id: string) => (await api.get(`/store/mall/orders/${id}/tracking`, { headers: s.headers })).data.tracking
    const fulfil = async (orderId: string, items: Array<{ id: string; quantity: number }>) => {
      const ids = async () => ((await api.get(`/admin/orders/${orderId}?fields=id,*fulfillments`, admin)).data.order.fulfillments ?? []).map((f: any) => f.id as string)
      const before = await ids()
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, admin)
      const created = (await ids()).filter((id: string) => !before.includes(id))
      expect(created).toHaveLength(1)
      return created[0]
    }
    const deliveryLines = async (orderId: string) =>
      (await dbConnection.raw(`SELECT posting_key, merchant_id, kind, gross, commission, merchant_funded, net, settle_date FROM settlement_line WHERE order_id = ? AND kind = 'delivery' ORDER BY posting_key`, [orderId])).rows

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
      const login = await api.post("/auth/user/emailpass", demo.admin)
      admin = { headers: { authorization: `Bearer ${login.data.token}` } }
    })

    it("shows the seeded points-plus-cash price (¥79 = ¥59 + 2,000 points) and lets an operator set or clear one, refusing bad input with a code", async () => {
      const s = await newShopper()
      const bottle = await productByHandle(s, "palmlife-insulated-bottle")
      expect(bottle.variants.map((v: any) => [v.metadata?.points_price, Number(v.calculated_price.calculated_amount)])).toEqual([[2000, 79], [2000, 79]])
      const rice = await productByHandle(s, "wuchang-daohuaxiang-rice")
      const variantId = rice.variants[0].id

      const set = await api.post(`/admin/mall/variants/${variantId}/points-price`, { points: 1990, cash: 70 }, admin)
      expect(set.data.points_price).toEqual({ id: variantId, points: 1990, cash: 70, price: 89.9 })
      const priced = await productByHandle(s, "wuchang-daohuaxiang-rice")
      expect([priced.variants[0].metadata.points_price, Number(priced.variants[0].calculated_price.calculated_amount)]).toEqual([1990, 89.9])
      const cleared = await api.post(`/admin/mall/variants/${variantId}/points-price`, { points: 0, cash: 89.9 }, admin)
      expect(cleared.data.points_price).toEqual({ id: variantId, points: 0, cash: 89.9, price: 89.9 })
      expect((await productByHandle(s, "wuchang-daohuaxiang-rice")).variants[0].metadata?.points_price).toBeUndefined()

      const voucher = (await productByHandle(s, "golden-dragon-100-voucher")).variants[0].id
      const bad: Array<[string, unknown, number, string]> = [
        [variantId, { points: -1, cash: 10 }, 400, "invalid_request"],
        [variantId, { points: 1.5, cash: 10 }, 400, "invalid_request"],
        [variantId, { points: 100, cash: 1.234 }, 400, "invalid_request"],
        [variantId, { points: 0, cash: 0 }, 400, "invalid_request"],
        [variantId, { points: 100 }, 400, "invalid_request"],
        [variantId, { points: 100, cash: 1, extra: true }, 400, "invalid_request"],
        [voucher, { points: 100, cash: 1 }, 400, "not_mall_product"],
        ["variant_nope", { points: 100, cash: 1 }, 404, "not_found"],
      ]
      for (const [id, body, status, code] of bad) {
        const res = await api.post(`/admin/mall/variants/${id}/points-price`, body, { ...admin, validateStatus: () => true })
        expect([JSON.stringify(body), res.status, res.data.code]).toEqual([JSON.stringify(body), status, code])
      }
      expect((await api.post(`/admin/mall/variants/${variantId}/points-price`, { points: 1, cash: 1 }, { validateStatus: () => true })).status).toEqual(401)
    })

    it("checks out 2 × (¥59 + 2,000 points) taking exactly 4,000 points and ¥118 + ¥10 shipping in cash; fewer, more or unaffordable points are refused with a code", async () => {
      const poor = await newShopper(3000)
      const poorCart = await mallCart(poor, [{ handle: "palmlife-insulated-bottle", quantity: 2 }])
      expect([(await applyPoints(poor, poorCart, 4000)).data.code]).toEqual(["insufficient_points"])

      const s = await newShopper(5000)
      const cartId = await mallCart(s, [{ handle: "palmlife-insulated-bottle", quantity: 2 }])
      const { data: offer } = await api.get(`/store/carts/${cartId}/rights`, { headers: s.headers })
      expect(offer.points).toEqual({ balance: 5000, max_for_cart: 4000, min_for_cart: 4000 })
      for (const [points, code] of [[3999, "points_required"], [0, "points_required"], [4001, "points_cap_exceeded"], [-1, "invalid_request"], [1.5, "invalid_request"]] as const) {
        const res = await applyPoints(s, cartId, points)
        expect([points, res.status, res.data.code]).toEqual([points, 400, code])
      }
      // no points applied: the goods are never sold for cash alone
      await payWithSystemProvider(api as any, s, cartId)
      const cashOnly = await completeCart(api as any, s, cartId)
      expect([cashOnly.status, cashOnly.data.code ?? cashOnly.data.error?.code ?? cashOnly.data.type]).toEqual([400, "points_required"])
      expect(await balanceOf(s.customerId)).toEqual(5000)

      const applied = await applyPoints(s, cartId, 4000)
      expect(applied.status).toEqual(200)
      expect(applied.data.rights).toMatchObject({ points_applied: 4000, points_value: 40, cash_due: 128 })
      await payWithSystemProvider(api as any, s, cartId)
      const done = await completeCart(api as any, s, cartId)
      expect(done.data.type).toEqual("order")
      expect(Number(done.data.order.total)).toEqual(128)
      const orderId = done.data.order.id
      await until("funding", async () => (await dbConnection.raw(`SELECT 1 FROM order_line_funding WHERE order_id = ?`, [orderId])).rows.length > 0)
      const { rows: funding } = await dbConnection.raw(`SELECT quantity, total, cash, points_value, benefit_value FROM order_line_funding WHERE order_id = ?`, [orderId])
      expect(funding.map((f: any) => [f.quantity, f.total, f.cash, f.points_value, f.benefit_value].map(Number))).toEqual([[2, 15800, 11800, 4000, 0]])
      // 4,000 burned, 128 earned on the ¥128 of cash; the ledger is the balance
      await until("points earned", async () => (await dbConnection.raw(`SELECT 1 FROM points_entry WHERE order_id = ? AND kind = 'earn'`, [orderId])).rows.length > 0)
      expect(await balanceOf(s.customerId)).toEqual(5000 - 4000 + 128)
      expect(await ledgerSum(s.customerId)).toEqual(await balanceOf(s.customerId))
    })

    it("8 parallel checkouts of a ¥128 + 4,000 points tea cake on a 10,000 point balance: exactly 2 succeed, the ledger equals the balance", async () => {
      const s = await newShopper(10000)
      const carts: string[] = []
      for (let i = 0; i < 8; i++) {
        const cartId = await mallCart(s, [{ handle: "yunnan-puer-tea-cake", quantity: 1 }])
        expect((await applyPoints(s, cartId, 4000)).status).toEqual(200)
        await payWithSystemProvider(api as any, s, cartId)
        carts.push(cartId)
      }
      const results = await Promise.all(carts.map((c) => completeCart(api as any, s, c)))
      expect(results.filter((r) => r.data.type === "order")).toHaveLength(2)
      expect(results.filter((r) => r.data.type !== "order").map((r) => [r.status, r.data.code])).toEqual(Array(6).fill([400, "insufficient_points"]))
      const { rows } = await dbConnection.raw(`SELECT COALESCE(sum(points), 0)::int AS n FROM points_entry WHERE customer_id = ? AND kind = 'burn'`, [s.customerId])
      expect(rows[0].n).toEqual(-8000)
      await until("points earned on both orders", async () => (await dbConnection.raw(`SELECT count(*)::int AS n FROM points_entry WHERE customer_id = ? AND kind = 'earn'`, [s.customerId])).rows[0].n === 2)
      expect(await balanceOf(s.customerId)).toEqual(10000 - 8000 + 2 * 138)
      expect(await ledgerSum(s.customerId)).toEqual(await balanceOf(s.customerId))
    })

    it("tracks the order through Medusa's fulfilment routes (awaiting shipment → shipped with tracking number → delivered), captures on fulfilment and posts the sale to the merchant on delivery exactly once", async () => {
      const s = await newShopper(5000)
      const order = await buy(s, [{ handle: "palmlife-insulated-bottle", quantity: 2 }], 4000)
      let seen = await storeOrder(s, order.id)
      expect([seen.fulfillment_status, seen.fulfillments ?? []]).toEqual(["not_fulfilled", []])
      expect(await tracking(s, order.id)).toEqual({ order_id: order.id, state: "awaiting_shipment", parcels: [] })
      // someone else's order answers like no order
      const other = await newShopper()
      const peek = await api.get(`/store/mall/orders/${order.id}/tracking`, { headers: other.headers, validateStatus: () => true })
      expect([peek.status, peek.data.code]).toEqual([404, "not_found"])
      expect((await api.get(`/store/mall/orders/${order.id}/tracking`, { headers: { "x-publishable-api-key": demo.publishable_key }, validateStatus: () => true })).status).toEqual(401)
      expect(seen.payment_status).toEqual("authorized")

      const line = seen.items[0]
      const fid = await fulfil(order.id, [{ id: line.id, quantity: 2 }])
      await until("payment captured on fulfilment", async () => (await storeOrder(s, order.id)).payment_status === "captured")
      seen = await storeOrder(s, order.id)
      expect(seen.fulfillment_status).toEqual("fulfilled")
      expect(seen.fulfillments[0]).toMatchObject({ id: fid, shipped_at: null, delivered_at: null })
      expect(await tracking(s, order.id)).toMatchObject({ state: "awaiting_shipment", parcels: [{ id: fid, state: "awaiting_shipment", tracking_numbers: [] }] })

      await api.post(`/admin/orders/${order.id}/fulfillments/${fid}/shipments`, { items: [{ id: line.id, quantity: 2 }], labels: [{ tracking_number: "SF1234567890", tracking_url: "https://www.sf-express.com/", label_url: "#" }] }, admin)
      seen = await storeOrder(s, order.id)
      expect(seen.fulfillment_status).toEqual("shipped")
      expect(seen.fulfillments[0].shipped_at).toBeTruthy()
      expect(await tracking(s, order.id)).toMatchObject({ state: "shipped", parcels: [{ id: fid, state: "shipped", tracking_numbers: ["SF1234567890"], delivered_at: null }] })
      expect(await deliveryLines(order.id)).toEqual([])

      await api.post(`/admin/orders/${order.id}/fulfillments/${fid}/mark-as-delivered`, {}, admin)
      seen = await storeOrder(s, order.id)
      expect(seen.fulfillment_status).toEqual("delivered")
      expect(seen.fulfillments[0].delivered_at).toBeTruthy()
      expect(await tracking(s, order.id)).toMatchObject({ state: "delivered", parcels: [{ id: fid, state: "delivered", tracking_numbers: ["SF1234567890"] }] })
      await until("the delivery posting", async () => (await deliveryLines(order.id)).length === 1)

      // a redelivered event and parallel reruns change nothing
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await Promise.all([
        ...Array.from({ length: 5 }, () => eventBus.emit({ name: "delivery.created", data: { id: fid } })),
        ...Array.from({ length: 5 }, () => postMallDeliveryWorkflow(getContainer()).run({ input: { fulfillment_id: fid } })),
      ])
      await new Promise((r) => setTimeout(r, 1000))
      const [posted] = await deliveryLines(order.id)
      expect(await deliveryLines(order.id)).toHaveLength(1)
      // the bottle is PalmLife's own brand sold as a merchant: demo rate 6% of the ¥158 (cash ¥118 + 4,000 points)
      expect([posted.kind, posted.gross, posted.commission, posted.merchant_funded, posted.net, posted.settle_date].map((v: any) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v)))
        .toEqual(["delivery", 15800, 948, 0, 14852, today])
      const { rows: entries } = await dbConnection.raw(`SELECT count(*)::int AS n FROM journal_entry WHERE order_id = ? AND kind = 'delivery'`, [order.id])
      expect(entries[0].n).toEqual(1)
      const tb = await trialBalance()
      expect(tb.total_debit).toEqual(tb.total_credit)

      // today's batch for the merchant carries the delivery line
      const run = await api.post("/admin/settlements/run", { business_date: today }, admin)
      const batch = run.data.settlements.find((b: any) => b.merchant_id === posted.merchant_id)
      expect(batch).toMatchObject({ line_count: 1, gross_amount: 158, commission_amount: 9.48, net_amount: 148.52 })
    })

    it("a line delivered in two parcels, delivered at the same time, settles its whole sale to the fen at the merchant's own rate (Golden Dragon 5%)", async () => {
      const s = await newShopper()
      const order = await buy(s, [{ handle: "golden-dragon-mooncake-gift-box", quantity: 3 }], 0)
      const line = (await storeOrder(s, order.id)).items[0]
      const first = await fulfil(order.id, [{ id: line.id, quantity: 2 }])
      const second = await fulfil(order.id, [{ id: line.id, quantity: 1 }])
      await Promise.all([first, second].map((fid) => api.post(`/admin/orders/${order.id}/fulfillments/${fid}/mark-as-delivered`, {}, admin)))
      await until("both delivery postings", async () => (await deliveryLines(order.id)).length === 2)
      const lines = await deliveryLines(order.id)
      const sum = (k: string) => lines.reduce((t: number, l: any) => t + Number(l[k]), 0)
      expect([sum("gross"), sum("commission"), sum("net")]).toEqual([59400, 2970, 56430])
      expect(lines.map((l: any) => Number(l.gross)).sort()).toEqual([19800, 39600])
      expect((await storeOrder(s, order.id)).fulfillment_status).toEqual("delivered")
      const tb = await trialBalance()
      expect(tb.total_debit).toEqual(tb.total_credit)
    })

    it("a delivery whose delivery.created was lost is posted by the day's settlement run, once", async () => {
      const s = await newShopper()
      const order = await buy(s, [{ handle: "cantonese-sausage-gift-box", quantity: 1 }], 0)
      const line = (await storeOrder(s, order.id)).items[0]
      const fid = await fulfil(order.id, [{ id: line.id, quantity: 1 }])
      // delivered straight in the fulfilment module: no workflow, so no delivery.created
      await getContainer().resolve(Modules.FULFILLMENT).updateFulfillment(fid, { delivered_at: new Date() })
      await new Promise((r) => setTimeout(r, 1000))
      expect(await deliveryLines(order.id)).toEqual([])
      const run = await api.post("/admin/settlements/run", { business_date: today }, admin)
      const [posted] = await deliveryLines(order.id)
      // ¥128 at the demo's 6%
      expect([Number(posted.gross), Number(posted.commission), Number(posted.net), posted.settle_date]).toEqual([12800, 768, 12032, today])
      expect(run.data.settlements.find((b: any) => b.merchant_id === posted.merchant_id)).toMatchObject({ gross_amount: 128, commission_amount: 7.68, net_amount: 120.32 })
      await postMallDeliveryWorkflow(getContainer()).run({ input: { fulfillment_id: fid } })
      expect(await deliveryLines(order.id)).toHaveLength(1)
    })
  },
})
