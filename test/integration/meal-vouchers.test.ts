import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { buyThroughStoreApi, walletVouchersFor } from "../support/store-purchase"
import { TerminalClient } from "@palmlife/terminal-client"
import seed from "../../src/scripts/seed"
import { issueOrderVouchersWorkflow } from "../../src/workflows/issue-order-vouchers"
import { expireVouchersWorkflow } from "../../src/workflows/expire-vouchers"

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

    const buyGoldenDragon = (quantity: number, handle?: string) => buyThroughStoreApi(api as any, headers, demo.customer.email, quantity, handle)
    const walletFor = (orderId: string, expected: number) => walletVouchersFor(api as any, headers, orderId, expected)

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

    it("a line's metadata.voucher sets each unit's window and details: the wallet shows them, the terminal honours the window", async () => {
      const validFrom = new Date(Date.now() + 2 * 24 * 3600 * 1000)
      validFrom.setUTCMilliseconds(0)
      const expiresAt = new Date(validFrom.getTime() + 3 * 3600 * 1000)
      const { data: regions } = await api.get("/store/regions", { headers })
      const region = regions.regions.find((r: any) => r.currency_code === "cny")
      const { data: list } = await api.get(`/store/products?handle=golden-dragon-100-voucher&fields=*variants`, { headers })
      const { data: c } = await api.post("/store/carts", { region_id: region.id, email: demo.customer.email }, { headers })
      const metadata = {
        voucher: { valid_from: validFrom.toISOString(), expires_at: expiresAt.toISOString(), details: { table: "包廂 3", units: [{ guest: "A" }, { guest: "B" }] } },
      }
      await api.post(`/store/carts/${c.cart.id}/line-items`, { variant_id: list.products[0].variants[0].id, quantity: 2, metadata }, { headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: c.cart.id }, { headers })
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
      const { data: done } = await api.post(`/store/carts/${c.cart.id}/complete`, {}, { headers })
      const mine = (await walletFor(done.order.id, 2)).sort((a: any, b: any) => (a.details.guest < b.details.guest ? -1 : 1))
      expect(mine.map((v: any) => v.details)).toEqual([{ table: "包廂 3", guest: "A" }, { table: "包廂 3", guest: "B" }])
      for (const v of mine) {
        expect(new Date(v.valid_from).toISOString()).toEqual(validFrom.toISOString())
        expect(new Date(v.expires_at).toISOString()).toEqual(expiresAt.toISOString())
      }
      const golden = new TerminalClient({ baseUrl: String(api.defaults.baseURL), keyId: demo.terminal.key_id, secret: demo.terminal.secret })
      const verified = await golden.verify(mine[0].code)
      expect(verified.ok && verified.data.voucher).toMatchObject({ details: { table: "包廂 3", guest: "A" }, redeemable: false, reason: "voucher_not_yet_valid" })
      const early = await golden.redeem(mine[0].code, { amount: 1000 })
      expect(early.ok).toBe(false)
      expect(!early.ok && early.error.code).toEqual("voucher_not_yet_valid")
    })

    it("re-running issuance for an order issues nothing twice", async () => {
      const order = await buyGoldenDragon(2)
      await walletFor(order.id, 2)
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
    describe("refunds", () => {
      const refundsOf = async (orderId: string) => {
        const { rows } = await dbConnection.raw(
          `SELECT r.raw_amount->>'value' AS amount FROM refund r JOIN payment p ON p.id = r.payment_id
           JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id
           WHERE opc.order_id = ? AND r.deleted_at IS NULL`, [orderId])
        return rows.map((r: any) => Number(r.amount))
      }
      const terminal = () => new TerminalClient({ baseUrl: String(api.defaults.baseURL), keyId: demo.terminal.key_id, secret: demo.terminal.secret })

      it("refunds an unused voucher in full, once, and the code stops working", async () => {
        const order = await buyGoldenDragon(1)
        const [v] = await walletFor(order.id, 1)
        const { data } = await api.post(`/store/wallet/vouchers/${v.id}/refund`, {}, { headers })
        expect(data.refund).toEqual({ voucher_id: v.id, order_id: order.id, amount: 88, currency_code: "cny", points_refunded: 0, points_clawed_back: 88, quota_restored: false })
        expect(await refundsOf(order.id)).toEqual([88])
        const again = await api.post(`/store/wallet/vouchers/${v.id}/refund`, {}, { headers }).catch((e) => e.response)
        expect(again.status).toEqual(400)
        const redeem = await terminal().redeem(v.code, { amount: 100 })
        expect(redeem.ok ? "" : redeem.error.code).toEqual("voucher_refunded")
        const { data: wallet } = await api.get(`/store/wallet/vouchers/${v.id}`, { headers })
        expect(wallet.voucher).toMatchObject({ status: "refunded", balance: 0 })
      })

      it("refunds the unused part of a stored-value voucher pro rata, to the fen", async () => {
        const order = await buyGoldenDragon(1)
        const [v] = await walletFor(order.id, 1)
        expect((await terminal().redeem(v.code, { amount: 3000 })).status).toEqual(201)
        const { data } = await api.post(`/store/wallet/vouchers/${v.id}/refund`, {}, { headers })
        // paid ¥88 for ¥100; ¥70 left → 8800 × 7000 / 10000 = 6160 fen
        expect(data.refund.amount).toEqual(61.6)
        expect(await refundsOf(order.id)).toEqual([61.6])
      })

      it("10 parallel refund requests for one voucher: exactly one refund", async () => {
        const order = await buyGoldenDragon(1)
        const [v] = await walletFor(order.id, 1)
        const results = await Promise.all(Array.from({ length: 10 }, () =>
          api.post(`/store/wallet/vouchers/${v.id}/refund`, {}, { headers }).then((r) => r.status, (e) => e.response.status)))
        expect(results.filter((s) => s === 200)).toHaveLength(1)
        expect(results.filter((s) => s >= 400 && s < 500)).toHaveLength(9)
        expect(await refundsOf(order.id)).toEqual([88])
      })

      it("lets an operator refund, and refuses vouchers that were not bought", async () => {
        const order = await buyGoldenDragon(1)
        const [v] = await walletFor(order.id, 1)
        const admin = await api.post("/auth/user/emailpass", demo.admin)
        const ah = { headers: { authorization: `Bearer ${admin.data.token}` } }
        const { data } = await api.post(`/admin/vouchers/${v.id}/refund`, {}, ah)
        expect(data.refund.amount).toEqual(88)
        const { data: wallet } = await api.get("/store/wallet/vouchers", { headers })
        const gift = wallet.vouchers.find((x: any) => !x.order_id)
        const refused = await api.post(`/store/wallet/vouchers/${gift.id}/refund`, {}, { headers }).catch((e) => e.response)
        expect(refused.status).toEqual(400)
        const bad = await api.post(`/store/wallet/vouchers/${v.id}/refund`, { amount: 5 }, { headers }).catch((e) => e.response)
        expect(bad.status).toEqual(400)
      })

      it("expires due vouchers, auto-refunding where the template says so", async () => {
        const order = await buyGoldenDragon(1)
        const [stored] = await walletFor(order.id, 1)
        const dimSum = await buyGoldenDragon(1, "golden-dragon-dim-sum-for-two")
        const [set] = await walletFor(dimSum.id, 1)
        await dbConnection.raw(`UPDATE issued_voucher SET expires_at = now() - interval '1 minute' WHERE id = ?`, [set.id])
        await dbConnection.raw(`UPDATE issued_voucher SET expires_at = now() - interval '1 minute' WHERE id = ?`, [stored.id])
        const single = await dbConnection.raw(`SELECT v.id FROM issued_voucher v WHERE v.order_id IS NULL AND v.customer_id IS NOT NULL LIMIT 1`)
        await dbConnection.raw(`UPDATE issued_voucher SET expires_at = now() - interval '1 minute' WHERE id = ?`, [single.rows[0].id])
        const { result } = await expireVouchersWorkflow(getContainer()).run({ input: {} })
        expect(result.expired).toContain(single.rows[0].id)
        // the set-meal template auto-refunds on expiry: the ¥168 goes back to the card
        expect(result.refunded).toEqual([set.id])
        expect(await refundsOf(dimSum.id)).toEqual([168])
        expect(result.failed).toEqual([])
        const { rows } = await dbConnection.raw(`SELECT id, status FROM issued_voucher WHERE id IN (?, ?)`, [stored.id, single.rows[0].id])
        const status = Object.fromEntries(rows.map((r: any) => [r.id, r.status]))
        // the ¥100 stored-value template does not auto-refund; it expires
        expect(status[stored.id]).toEqual("expired")
        expect(status[single.rows[0].id]).toEqual("expired")
        const rerun = await expireVouchersWorkflow(getContainer()).run({ input: {} })
        expect(rerun.result.expired).toEqual([])
      })
    })
  },
})
