import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TerminalClient } from "@palmlife/terminal-client"
import seed from "../../src/scripts/seed"

jest.setTimeout(240 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-mv-")), "demo.json")

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    let headers: Record<string, string>

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
    })
    beforeEach(async () => {
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      headers = { authorization: `Bearer ${auth.data.token}`, "x-publishable-api-key": demo.publishable_key }
    })

    async function buyGoldenDragon(quantity: number) {
      const { data: regions } = await api.get("/store/regions", { headers })
      const region = regions.regions.find((r: any) => r.currency_code === "cny")
      const { data: list } = await api.get("/store/products?handle=golden-dragon-100-voucher&fields=*variants", { headers })
      const variant = list.products[0].variants[0]
      const { data: c } = await api.post("/store/carts", { region_id: region.id, email: demo.customer.email }, { headers })
      await api.post(`/store/carts/${c.cart.id}/line-items`, { variant_id: variant.id, quantity }, { headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: c.cart.id }, { headers })
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
      const { data: done } = await api.post(`/store/carts/${c.cart.id}/complete`, {}, { headers })
      expect(done.type).toEqual("order")
      return done.order
    }

    async function walletFor(orderId: string, expected: number) {
      for (let i = 0; i < 50; i++) {
        const { data } = await api.get("/store/wallet/vouchers", { headers })
        const mine = data.vouchers.filter((v: any) => v.order_id === orderId)
        if (mine.length >= expected) return mine
        await new Promise((r) => setTimeout(r, 200))
      }
      throw new Error(`vouchers for order ${orderId} were not issued within 10 s`)
    }

    it("gives the demo customer two active Golden Dragon vouchers and terminals in demo.json", async () => {
      const { data } = await api.get("/store/wallet/vouchers", { headers })
      const golden = data.vouchers.filter((v: any) => v.merchant.name.includes("Golden Dragon"))
      expect(golden.length).toEqual(2)
      for (const v of golden) {
        expect(v).toMatchObject({ status: "active", balance: 100, face_value: 100, currency_code: "cny", kind: "meal" })
        expect(v.code).toMatch(/^\d{12}$/)
        expect(v.qr_payload).toEqual(`PALMLIFE:V1:${v.code}`)
        expect(v.stores.length).toBeGreaterThanOrEqual(1)
      }
      expect(demo.terminal).toEqual({ key_id: expect.stringMatching(/^tk_/), secret: expect.any(String) })
      expect(demo.other_terminal.key_id).not.toEqual(demo.terminal.key_id)
    })

    it("issues one voucher per unit when the order is placed, with no shipping step, and they redeem at the merchant", async () => {
      const order = await buyGoldenDragon(3)
      expect(order.shipping_methods ?? []).toHaveLength(0)
      const mine = await walletFor(order.id, 3)
      expect(mine).toHaveLength(3)
      expect(new Set(mine.map((v: any) => v.code)).size).toEqual(3)

      const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM issued_voucher WHERE order_id = ?`, [order.id])
      expect(rows[0].n).toEqual(3)

      const baseUrl = String(api.defaults.baseURL)
      const golden = new TerminalClient({ baseUrl, keyId: demo.terminal.key_id, secret: demo.terminal.secret })
      const jade = new TerminalClient({ baseUrl, keyId: demo.other_terminal.key_id, secret: demo.other_terminal.secret })
      expect((await jade.verify(mine[0].code)).status).toEqual(404)
      const redeemed = await golden.redeem(mine[0].code, { amount: 3000 })
      expect(redeemed.ok && redeemed.data.voucher.balance).toEqual(7000)

      const { data } = await api.get(`/store/wallet/vouchers/${mine[0].id}`, { headers })
      expect(data.voucher).toMatchObject({ balance: 70, status: "partially_redeemed" })
      expect(data.voucher.redemptions).toEqual([expect.objectContaining({ amount: 30, reversed_at: null, store: expect.objectContaining({ name: expect.stringContaining("金龍") }) })])
    })

    it("re-running issuance for an order issues nothing twice", async () => {
      const order = await buyGoldenDragon(2)
      await walletFor(order.id, 2)
      const { issueOrderVouchersWorkflow } = await import("../../src/workflows/issue-order-vouchers")
      await issueOrderVouchersWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM issued_voucher WHERE order_id = ?`, [order.id])
      expect(rows[0].n).toEqual(2)
    })

    it("keeps wallets private: no login → 401, someone else's voucher → 404", async () => {
      const anon = await api.get("/store/wallet/vouchers", { headers: { "x-publishable-api-key": demo.publishable_key } }).catch((e) => e.response)
      expect(anon.status).toEqual(401)
      await api.post("/auth/customer/emailpass/register", { email: "other@palmlife.dev", password: "secret123" }).then(async (r) => {
        const h = { authorization: `Bearer ${r.data.token}`, "x-publishable-api-key": demo.publishable_key }
        await api.post("/store/customers", { email: "other@palmlife.dev", first_name: "O", last_name: "T" }, { headers: h })
        const login = await api.post("/auth/customer/emailpass", { email: "other@palmlife.dev", password: "secret123" })
        const h2 = { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": demo.publishable_key }
        const { data: mine } = await api.get("/store/wallet/vouchers", { headers })
        const theirs = await api.get(`/store/wallet/vouchers/${mine.vouchers[0].id}`, { headers: h2 }).catch((e) => e.response)
        expect(theirs.status).toEqual(404)
        const list = await api.get("/store/wallet/vouchers", { headers: h2 })
        expect(list.data.vouchers).toEqual([])
      })
      const bad = await api.get("/store/wallet/vouchers?bogus=%00", { headers }).catch((e) => e.response)
      expect(bad.status).toBeGreaterThanOrEqual(400)
      expect(bad.status).toBeLessThan(500)
      const odd = await api.get(`/store/wallet/vouchers/${encodeURIComponent("vch_\u202e' OR 1=1 --")}`, { headers }).catch((e) => e.response)
      expect(odd.status).toEqual(404)
    })
  },
})
