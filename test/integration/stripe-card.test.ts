import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import seed from "../../src/scripts/seed"
import StripeCardProviderService from "../../src/modules/stripe-card/service"
import { buildEvent, createStripeServer, encodeForm, signedEventRequest } from "../support/stripe-server"
import { walletVouchersFor } from "../support/store-purchase"
import { RIGHTS_MODULE } from "../../src/modules/rights"

jest.setTimeout(240 * 1000)

// The provider's own SDK (v15), to look at the test server the way the provider does.
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe/dist/core/stripe-base"))("stripe")

const SECRET_KEY = "sk_test_palmlife_integration_0001"
const PUBLISHABLE_KEY = "pk_test_palmlife_integration_0001"
const WEBHOOK_SECRET = "whsec_palmlife_integration_0001"
const stripeServer = createStripeServer({ secretKey: SECRET_KEY, publishableKey: PUBLISHABLE_KEY })
const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-stripe-")), "demo.json")

// medusa-config.js reads these when the runner loads it (in its beforeAll, which runs after this one)
process.env.STRIPE_API_KEY = SECRET_KEY
process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
beforeAll(async () => {
  process.env.STRIPE_API_BASE = await stripeServer.listen()
})
afterAll(() => stripeServer.close())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(250)
  }
}

/** What Stripe.js does with `stripe.confirmCardPayment(client_secret, { payment_method })` in the browser. */
async function confirmInBrowser(piId: string, clientSecret: string, paymentMethod: string) {
  const res = await fetch(`${stripeServer.url}/v1/payment_intents/${piId}/confirm`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: encodeForm({ key: PUBLISHABLE_KEY, client_secret: clientSecret, payment_method: paymentMethod }),
  })
  return { status: res.status, body: (await res.json()) as any }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    let headers: Record<string, string>
    let stripe: any
    // what the payment module made of each webhook Medusa received: action, or the verification error
    const webhookOutcomes: { session_id?: string; action?: string; error?: string }[] = []

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
      stripe = new Stripe(SECRET_KEY, stripeServer.clientOptions())
      stripeServer.addWebhookEndpoint({
        url: `${api.defaults.baseURL}/hooks/payment/stripe_stripe`,
        secret: WEBHOOK_SECRET,
        enabled_events: ["payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.amount_capturable_updated"],
      })
      const payment: any = getContainer().resolve(Modules.PAYMENT)
      const original = payment.getWebhookActionAndData.bind(payment)
      payment.getWebhookActionAndData = async (input: any) => {
        try {
          const result = await original(input)
          webhookOutcomes.push({ session_id: result?.data?.session_id, action: result?.action })
          return result
        } catch (err: any) {
          webhookOutcomes.push({ error: String(err?.message) })
          throw err
        }
      }
    })
    beforeEach(async () => {
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      headers = { authorization: `Bearer ${auth.data.token}`, "x-publishable-api-key": demo.publishable_key }
    })

    /** A cart for the ¥88 Golden Dragon voucher with a Stripe payment session; returns the PaymentIntent. */
    async function stripeCart(quantity = 1, sessionData?: Record<string, unknown>) {
      const { data: regions } = await api.get("/store/regions", { headers })
      const region = regions.regions.find((r: any) => r.currency_code === "cny")
      const { data: list } = await api.get("/store/products?handle=golden-dragon-100-voucher&fields=*variants", { headers })
      const { data: c } = await api.post("/store/carts", { region_id: region.id, email: demo.customer.email }, { headers })
      await api.post(`/store/carts/${c.cart.id}/line-items`, { variant_id: list.products[0].variants[0].id, quantity }, { headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: c.cart.id }, { headers })
      const { data } = await api.post(
        `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_stripe_stripe", ...(sessionData ? { data: sessionData } : {}) },
        { headers }
      )
      const session = data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_stripe_stripe")
      return { cartId: c.cart.id as string, session, pi: session.data as any }
    }

    const complete = (cartId: string) =>
      api.post(`/store/carts/${cartId}/complete`, {}, { headers }).then((r) => ({ status: r.status, data: r.data }), (e) => ({ status: e.response?.status, data: e.response?.data }))

    const ordersForCart = async (cartId: string) => {
      const { rows } = await dbConnection.raw(`SELECT order_id FROM order_cart WHERE cart_id = ? AND deleted_at IS NULL`, [cartId])
      return rows.map((r: any) => r.order_id as string)
    }

    const paymentOf = async (sessionId: string) => {
      const { rows } = await dbConnection.raw(
        `SELECT p.id, p.captured_at, p.data->>'id' AS pi, (SELECT count(*)::int FROM capture c WHERE c.payment_id = p.id AND c.deleted_at IS NULL) AS captures
         FROM payment p WHERE p.payment_session_id = ? AND p.deleted_at IS NULL`, [sessionId])
      return rows[0] as { id: string; captured_at: Date | null; pi: string; captures: number } | undefined
    }

    const chargeTxns = async (piId: string) => {
      const pi = await stripe.paymentIntents.retrieve(piId)
      if (!pi.latest_charge) return []
      return (await stripe.balanceTransactions.list({ source: pi.latest_charge, limit: 100 })).data
    }

    it("pays the ¥88 voucher by card: PaymentIntent at session, browser confirm, order, capture on issuance, refund in fen", async () => {
      const { cartId, session, pi } = await stripeCart()
      // the session holds a PaymentIntent on the test server, in fen, for the logged-in customer's Stripe customer
      expect(pi.id).toMatch(/^pi_/)
      expect(pi).toMatchObject({ amount: 8800, currency: "cny", capture_method: "manual", status: "requires_payment_method", metadata: { session_id: session.id } })
      const onServer = await stripe.paymentIntents.retrieve(pi.id)
      expect(onServer.customer).toMatch(/^cus_/)
      expect(await stripe.customers.retrieve(onServer.customer)).toMatchObject({ email: demo.customer.email })

      const confirmed = await confirmInBrowser(pi.id, pi.client_secret, "pm_card_visa")
      expect(confirmed.status).toBe(200)
      expect(confirmed.body.status).toBe("requires_capture")

      const done = await complete(cartId)
      expect(done.data.type).toBe("order")
      const order = done.data.order
      expect(order.total).toBe(88)

      // issuance captures the payment first (src/workflows/steps/capture-voucher-order-payment-step.ts)
      const [voucher] = await walletVouchersFor(api as any, headers, order.id, 1)
      const captured = await stripe.paymentIntents.retrieve(pi.id, { expand: ["latest_charge"] })
      expect(captured).toMatchObject({ status: "succeeded", amount_received: 8800 })
      expect(captured.latest_charge).toMatchObject({ captured: true, amount_captured: 8800, payment_intent: pi.id })
      const [txn] = await chargeTxns(pi.id)
      expect(txn).toMatchObject({ type: "charge", amount: 8800, fee: 0, net: 8800, currency: "cny", source: captured.latest_charge.id })
      const payment = await paymentOf(session.id)
      expect(payment).toMatchObject({ pi: pi.id, captures: 1 })
      expect(payment!.captured_at).not.toBeNull()

      // Stripe tells Medusa the intent succeeded; Medusa accepts it and records nothing twice
      await until("payment_intent.succeeded processed", async () => webhookOutcomes.find((o) => o.session_id === session.id && o.action === "captured"))
      await sleep(1000)
      expect((await paymentOf(session.id))!.captures).toBe(1)

      const { data } = await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers })
      expect(data.refund.amount).toBe(88)
      const refunds = await stripe.refunds.list({ payment_intent: pi.id })
      expect(refunds.data.map((r: any) => [r.amount, r.status])).toEqual([[8800, "succeeded"]])
      const refundTxn = await stripe.balanceTransactions.retrieve(refunds.data[0].balance_transaction)
      expect(refundTxn).toMatchObject({ type: "refund", reporting_category: "refund", amount: -8800, net: -8800, source: refunds.data[0].id })
      expect(await stripe.charges.retrieve(captured.latest_charge.id)).toMatchObject({ amount_refunded: 8800, refunded: true })
    })

    it("a declined card fails completion cleanly: no order, the cart stays open, Medusa hears payment_failed", async () => {
      const { cartId, session, pi } = await stripeCart()
      const declined = await confirmInBrowser(pi.id, pi.client_secret, "pm_card_chargeDeclined")
      expect(declined.status).toBe(402)
      expect(declined.body.error).toMatchObject({ type: "card_error", code: "card_declined", message: "Your card was declined." })

      // Medusa's contract for a failed payment: 200 with the cart and the reason, for the checkout to show
      const done = await complete(cartId)
      expect(done.status).toBe(200)
      expect(done.data.type).toBe("cart")
      expect(done.data.error).toMatchObject({ type: "payment_authorization_error", message: "Your card was declined." })
      expect(done.data.cart.completed_at ?? null).toBeNull()
      expect(await ordersForCart(cartId)).toEqual([])
      expect(await paymentOf(session.id)).toBeUndefined()

      // a completion before any confirmation says so
      const unconfirmed = await stripeCart()
      const early = await complete(unconfirmed.cartId)
      expect(early.data.error).toMatchObject({ type: "payment_authorization_error", message: expect.stringMatching(/not been confirmed/) })

      await until("payment_intent.payment_failed processed", async () => webhookOutcomes.find((o) => o.session_id === session.id && o.action === "failed"))
      expect(await ordersForCart(cartId)).toEqual([])
      expect(await chargeTxns(pi.id)).toEqual([])
    })

    it("payment_intent.succeeded alone completes a paid cart (the browser never came back)", async () => {
      const { cartId, session, pi } = await stripeCart(1, { capture_method: "automatic" })
      expect(pi.capture_method).toBe("automatic")
      const confirmed = await confirmInBrowser(pi.id, pi.client_secret, "pm_card_visa")
      expect(confirmed.body.status).toBe("succeeded")
      const [orderId] = await until("the webhook to complete the cart", async () => (await ordersForCart(cartId)).length && ordersForCart(cartId))
      expect(orderId).toMatch(/^order_/)
      expect(webhookOutcomes).toContainEqual({ session_id: session.id, action: "captured" })
      const payment = await until("the payment", () => paymentOf(session.id))
      expect(payment.captured_at).not.toBeNull()
      expect(payment.captures).toBe(1)
      expect((await chargeTxns(pi.id)).map((t: any) => t.amount)).toEqual([8800])
      // issuance (order.placed) finds the payment captured already and captures nothing more
      await walletVouchersFor(api as any, headers, orderId, 1)
      expect((await paymentOf(session.id))!.captures).toBe(1)
      expect((await chargeTxns(pi.id)).map((t: any) => t.amount)).toEqual([8800])
    })

    it("a webhook with a bad signature is acknowledged but never acted on", async () => {
      const { cartId, session, pi } = await stripeCart()
      // a forged "succeeded" for a real session, signed with the wrong secret
      const event = buildEvent("payment_intent.succeeded", { ...pi, status: "succeeded", amount_received: 8800 })
      const forged = signedEventRequest(event, "whsec_not_the_secret")
      const before = webhookOutcomes.length
      const res = await fetch(`${api.defaults.baseURL}/hooks/payment/stripe_stripe`, { method: "POST", headers: forged.headers, body: forged.payload })
      // Medusa's webhook route answers before the provider verifies the signature (in its subscriber)
      expect(res.status).toBe(200)
      const outcome = await until("the forged webhook to be verified", async () => webhookOutcomes.slice(before).find((o) => o.error))
      expect(outcome.error).toMatch(/No signatures found matching the expected signature/)

      // the same event correctly signed is accepted and processed: proof the rejection was the signature
      const genuine = signedEventRequest(buildEvent("payment_intent.payment_failed", { ...pi, last_payment_error: { code: "card_declined" } }), WEBHOOK_SECRET)
      const ok = await fetch(`${api.defaults.baseURL}/hooks/payment/stripe_stripe`, { method: "POST", headers: genuine.headers, body: genuine.payload })
      expect(ok.status).toBe(200)
      await until("the genuine webhook", async () => webhookOutcomes.find((o) => o.session_id === session.id && o.action === "failed"))
      expect(await ordersForCart(cartId)).toEqual([])
      expect(await paymentOf(session.id)).toBeUndefined()
    })

    it("5 parallel completions of one cart: one order, one capture", async () => {
      const { cartId, session, pi } = await stripeCart()
      expect((await confirmInBrowser(pi.id, pi.client_secret, "pm_card_visa")).status).toBe(200)
      const results = await Promise.all(Array.from({ length: 5 }, () => complete(cartId)))
      const orderIds = new Set(results.filter((r) => r.data?.type === "order").map((r) => r.data.order.id))
      expect(orderIds.size).toBe(1)
      for (const r of results) expect(r.status === 200 || r.status === 409).toBe(true)
      expect(await ordersForCart(cartId)).toEqual([...orderIds])
      await walletVouchersFor(api as any, headers, [...orderIds][0], 1)
      // the capture's payment_intent.succeeded comes back through the webhook and changes nothing
      await until("payment_intent.succeeded processed", async () => webhookOutcomes.find((o) => o.session_id === session.id && o.action === "captured"))
      await sleep(1000)
      const payment = await paymentOf(session.id)
      expect(payment!.captures).toBe(1)
      expect((await chargeTxns(pi.id)).map((t: any) => t.amount)).toEqual([8800])
      expect((await stripe.charges.list({ payment_intent: pi.id })).data).toHaveLength(1)
    })

    it("rights plus card: a declined card gives the points back, paying again takes them once; the refund returns each part", async () => {
      const rights: any = getContainer().resolve(RIGHTS_MODULE)
      const { data: me } = await api.get("/store/customers/me", { headers })
      const customerId = me.customer.id as string
      const before = await rights.pointsBalance(customerId)
      expect(before).toBeGreaterThanOrEqual(2000)
      const { data: regions } = await api.get("/store/regions", { headers })
      const region = regions.regions.find((r: any) => r.currency_code === "cny")
      const { data: list } = await api.get("/store/products?handle=golden-dragon-100-voucher&fields=*variants", { headers })
      const { data: c } = await api.post("/store/carts", { region_id: region.id, email: demo.customer.email }, { headers })
      const cartId = c.cart.id as string
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: list.products[0].variants[0].id, quantity: 1 }, { headers })
      // rights first: the card is asked only for the cash due
      const applied = await api.post(`/store/carts/${cartId}/rights`, { points: 2000 }, { headers })
      expect(applied.data.rights.cash_due).toEqual(68)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      const { data } = await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_stripe_stripe" }, { headers })
      const pi = data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_stripe_stripe").data
      expect(pi.amount).toEqual(6800)

      expect((await confirmInBrowser(pi.id, pi.client_secret, "pm_card_chargeDeclined")).status).toBe(402)
      const declined = await complete(cartId)
      expect(declined.data.type).toBe("cart")
      expect(await ordersForCart(cartId)).toEqual([])
      // whatever the checkout took before the card failed, it gave back
      expect(await rights.pointsBalance(customerId)).toEqual(before)
      const { rows: moves } = await dbConnection.raw(`SELECT kind, points FROM points_entry WHERE cart_id = ? ORDER BY created_at, id`, [cartId])
      expect(moves.reduce((s: number, m: any) => s + Number(m.points), 0)).toEqual(0)

      expect((await confirmInBrowser(pi.id, pi.client_secret, "pm_card_visa")).status).toBe(200)
      const paid = await complete(cartId)
      expect(paid.data.type).toBe("order")
      const { rows: after } = await dbConnection.raw(`SELECT kind, points FROM points_entry WHERE cart_id = ? ORDER BY created_at, id`, [cartId])
      expect(after.reduce((s: number, m: any) => s + Number(m.points), 0)).toEqual(-2000)
      await until("points earned on ¥68 cash", async () =>
        (await dbConnection.raw(`SELECT 1 FROM points_entry WHERE posting_key = ?`, [`earn:${paid.data.order.id}`])).rows.length > 0
      )
      expect(await rights.pointsBalance(customerId)).toEqual(before - 2000 + 68)

      const [voucher] = await walletVouchersFor(api as any, headers, paid.data.order.id, 1)
      const refund = await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers })
      expect(refund.data.refund).toMatchObject({ amount: 68, points_refunded: 2000, points_clawed_back: 68 })
      expect((await stripe.refunds.list({ payment_intent: pi.id })).data.map((r: any) => r.amount)).toEqual([6800])
      expect(await rights.pointsBalance(customerId)).toEqual(before)
    })

    it("provider calls retried with the same idempotency key charge, capture and refund once", async () => {
      const provider = new StripeCardProviderService({}, { apiKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiBase: stripeServer.url })
      const init = () => provider.initiatePayment({ amount: 88, currency_code: "cny", data: { session_id: "payses_retry" }, context: { idempotency_key: "payses_retry" } } as any)
      const [a, b] = [await init(), await init()]
      expect(b.id).toBe(a.id)
      expect((await stripe.paymentIntents.list({ limit: 100 })).data.filter((p: any) => p.metadata.session_id === "payses_retry")).toHaveLength(1)

      await stripe.paymentIntents.confirm(a.id, { payment_method: "pm_card_visa" })
      const capture = () => provider.capturePayment({ data: { id: a.id }, context: { idempotency_key: "capt_retry" } } as any)
      const first = await capture()
      const second = await capture()
      expect((first.data as any).status).toBe("succeeded")
      expect((second.data as any).status).toBe("succeeded")
      // a capture retried under a new key finds the intent already succeeded: the provider treats that as done
      expect(((await provider.capturePayment({ data: { id: a.id }, context: { idempotency_key: "capt_other" } } as any)).data as any).status).toBe("succeeded")
      expect((await chargeTxns(a.id)).map((t: any) => t.amount)).toEqual([8800])

      const refund = () => provider.refundPayment({ amount: 30.5, data: { id: a.id, currency: "cny" }, context: { idempotency_key: "ref_retry" } } as any)
      await refund()
      await refund()
      const refunds = await stripe.refunds.list({ payment_intent: a.id })
      expect(refunds.data.map((r: any) => r.amount)).toEqual([3050])
    })
  },
})
