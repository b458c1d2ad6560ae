import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import seed from "../../src/scripts/seed"
import { shanghaiDate } from "../../src/lib/shanghai-time"
import { createStripeServer, encodeForm } from "../support/stripe-server"
import { walletVouchersFor } from "../support/store-purchase"

jest.setTimeout(300 * 1000)

// The provider's own SDK (v15), to act on the test server as Stripe's dashboard or API would.
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe/dist/core/stripe-base"))("stripe")

const SECRET_KEY = "sk_test_palmlife_reconciliation_01"
const PUBLISHABLE_KEY = "pk_test_palmlife_reconciliation_01"
const stripeServer = createStripeServer({ secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY })
const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-recon-")), "demo.json")

// medusa-config.js reads these when the runner loads it (in its beforeAll, which runs after this one)
process.env.STRIPE_API_KEY = SECRET_KEY
process.env.STRIPE_WEBHOOK_SECRET = "whsec_palmlife_reconciliation_01"
beforeAll(async () => {
  process.env.STRIPE_API_BASE = await stripeServer.listen()
})
afterAll(() => stripeServer.close())

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer }) => {
    let demo: any
    let headers: Record<string, string>
    let admin: { headers: Record<string, string> }
    let stripe: any
    const today = () => shanghaiDate(new Date())
    const reconciliation = (date: string) => api.get(`/admin/settlements/reconciliation?business_date=${date}`, admin).then((r) => r.data)

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
      stripe = new Stripe(SECRET_KEY, stripeServer.clientOptions())
    })
    beforeEach(async () => {
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      headers = { authorization: `Bearer ${auth.data.token}`, "x-publishable-api-key": demo.publishable_key }
      const login = await api.post("/auth/user/emailpass", demo.admin)
      admin = { headers: { authorization: `Bearer ${login.data.token}` } }
    })

    /** Buys `quantity` ¥88 Golden Dragon vouchers by card (confirmed as Stripe.js would); issuance captures. */
    async function buyByCard(quantity: number) {
      const { data: regions } = await api.get("/store/regions", { headers })
      const region = regions.regions.find((r: any) => r.currency_code === "cny")
      const { data: list } = await api.get("/store/products?handle=golden-dragon-100-voucher&fields=*variants", { headers })
      const { data: c } = await api.post("/store/carts", { region_id: region.id, email: demo.customer.email }, { headers })
      await api.post(`/store/carts/${c.cart.id}/line-items`, { variant_id: list.products[0].variants[0].id, quantity }, { headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: c.cart.id }, { headers })
      const { data } = await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_stripe_stripe" }, { headers })
      const pi = data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_stripe_stripe").data
      const confirm = await fetch(`${stripeServer.url}/v1/payment_intents/${pi.id}/confirm`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: encodeForm({ key: PUBLISHABLE_KEY, client_secret: pi.client_secret, payment_method: "pm_card_visa" }),
      })
      expect(confirm.status).toBe(200)
      const { data: done } = await api.post(`/store/carts/${c.cart.id}/complete`, {}, { headers })
      expect(done.type).toBe("order")
      const vouchers = await walletVouchersFor(api as any, headers, done.order.id, quantity)
      // issuance captured the payment: the charge and its balance transaction exist at the provider
      const captured = await stripe.paymentIntents.retrieve(pi.id, { expand: ["latest_charge"] })
      expect(captured.status).toBe("succeeded")
      return { order_id: done.order.id as string, pi: pi.id as string, charge: captured.latest_charge, vouchers }
    }

    // one case: the runner empties Medusa's tables between cases, the test server keeps its books
    it("matches the day's card captures and refunds with the provider's balance transactions, then lists exactly what differs", async () => {
      const a = await buyByCard(2)
      const b = await buyByCard(1)
      const refund = await api.post(`/store/wallet/vouchers/${a.vouchers[0].id}/refund`, {}, { headers })
      expect(refund.data.refund.amount).toBe(88)

      const report = await reconciliation(today())
      expect(report).toMatchObject({ business_date: today(), provider: "stripe", summary: { matched: 3, missing: 0, extra: 0, differing: 0 } })
      expect([report.missing, report.extra, report.differing]).toEqual([[], [], []])

      // another day has nothing on either side
      const yesterday = shanghaiDate(new Date(Date.now() - 24 * 60 * 60 * 1000))
      expect(await reconciliation(yesterday)).toMatchObject({ business_date: yesterday, provider: "stripe", summary: { matched: 0, missing: 0, extra: 0, differing: 0 } })

      // now the provider's books differ: an extra refund, an altered capture, a missing capture
      // extra: a refund made at the provider only (from its dashboard, say), on an order we know
      const stray = await stripe.refunds.create({ payment_intent: b.pi, amount: 1000 })
      // differing: a capture the provider booked at ¥80 instead of ¥88
      const c = await buyByCard(1)
      const cTxn = stripeServer.state.find(c.charge.balance_transaction)
      Object.assign(cTxn, { amount: 8000, net: 8000 - cTxn.fee })
      // missing: a capture the provider has no balance transaction for. The test server has no
      // /_test control to drop one, so it is removed from the in-process server's state directly.
      const d = await buyByCard(1)
      expect((stripeServer.state as any).objects.delete(d.charge.balance_transaction)).toBe(true)

      const after = await reconciliation(today())
      expect(after.summary).toEqual({ matched: 3, missing: 1, extra: 1, differing: 1 })
      expect(after.missing).toEqual([
        {
          kind: "capture",
          payment_intent: d.pi,
          order_id: d.order_id,
          payment_id: expect.stringMatching(/^pay_/),
          capture_id: expect.stringMatching(/^capt_/),
          amount: 88,
          currency_code: "cny",
          created_at: expect.any(String),
        },
      ])
      expect(after.extra).toEqual([
        {
          kind: "refund",
          payment_intent: b.pi,
          order_id: b.order_id,
          balance_transaction: stray.balance_transaction,
          source: stray.id,
          amount: 10,
          currency_code: "cny",
          created_at: expect.any(String),
        },
      ])
      expect(after.differing).toEqual([
        {
          kind: "capture",
          payment_intent: c.pi,
          order_id: c.order_id,
          amount: 88,
          provider_amount: 80,
          difference: -8,
          ours: expect.objectContaining({ kind: "capture", payment_intent: c.pi, order_id: c.order_id, amount: 88, capture_id: expect.stringMatching(/^capt_/) }),
          theirs: expect.objectContaining({ kind: "capture", payment_intent: c.pi, balance_transaction: c.charge.balance_transaction, source: c.charge.id, amount: 80 }),
        },
      ])
    })

    it("validates the business date; operators only", async () => {
      for (const q of ["business_date=2026-02-30", "business_date=28-11-2026", "business_date=", ""]) {
        const res = await api.get(`/admin/settlements/reconciliation?${q}`, admin).catch((e) => e.response)
        expect(res.status).toBe(400)
        expect(res.data).toMatchObject({ code: "invalid_request", message: expect.any(String) })
      }
      const anon = await api.get(`/admin/settlements/reconciliation?business_date=${today()}`).catch((e) => e.response)
      expect(anon.status).toBe(401)
    })
  },
})
