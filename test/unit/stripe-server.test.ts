import { spawn } from "node:child_process"
import http from "node:http"
import { createRequire } from "node:module"
import path from "node:path"
import {
  encodeForm,
  parseForm,
  signedEventRequest,
  buildEvent,
  startStripeServer,
  type StripeTestServer,
} from "../support/stripe-server"

// the SDK major Medusa's Stripe provider bundles (v15), the one production code talks through
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe/dist/core/stripe-base"))("stripe")

jest.setTimeout(30000)

let server: StripeTestServer
let stripe: any

beforeAll(async () => {
  server = await startStripeServer()
  stripe = new Stripe(server.secretKey, server.clientOptions())
})
afterAll(() => server.close())
beforeEach(() => server.reset({ endpoints: true }))

const raw = (method: string, p: string, { key, body, headers = {} }: { key?: string; body?: Record<string, any>; headers?: Record<string, string> } = {}) =>
  fetch(`${server.url}${p}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/x-www-form-urlencoded", ...headers },
    body: body ? encodeForm(body) : undefined,
  }).then(async (r) => ({ status: r.status, headers: r.headers, json: (await r.json()) as any }))

const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected the call to fail") }, (e) => e)

async function authorized(amount = 8800, extra: Record<string, any> = {}) {
  const pi = await stripe.paymentIntents.create({ amount, currency: "cny", capture_method: "manual", ...extra })
  return stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })
}

describe("form encoding", () => {
  it("reads Stripe's bracket encoding from both the SDK and Stripe.js", () => {
    const parsed = parseForm(
      "amount=8800&metadata[session_id]=ps_1&metadata[0]=zero&expand[]=payment_method&expand[]=latest_charge" +
        "&payment_method_types[0]=card&card[exp_month]=12&shipping[address][line1]=%E5%8D%97%E4%BA%AC%E8%B7%AF+1%E5%8F%B7" +
        "&__proto__[polluted]=yes&items[0][price]=p1&items[1][price]=p2"
    )
    expect(parsed).toEqual({
      amount: "8800",
      metadata: { session_id: "ps_1", 0: "zero" },
      expand: ["payment_method", "latest_charge"],
      payment_method_types: ["card"],
      card: { exp_month: "12" },
      shipping: { address: { line1: "南京路 1号" } },
      items: [{ price: "p1" }, { price: "p2" }],
    })
    expect(({} as any).polluted).toBeUndefined()
    expect(parseForm(encodeForm({ a: { b: ["x", "y"] }, m: { k: "v w" } }))).toEqual({ a: { b: ["x", "y"] }, m: { k: "v w" } })
  })
})

describe("authentication and errors", () => {
  it("answers 401 in Stripe's shape for a missing or wrong key, and accepts Basic auth", async () => {
    const none = await raw("GET", "/v1/customers")
    expect(none.status).toBe(401)
    expect(none.json.error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") })

    const wrong = await caught(new Stripe("sk_test_wrong_key_123456789", server.clientOptions()).customers.list())
    expect(wrong.type).toBe("StripeAuthenticationError")
    expect(wrong.statusCode).toBe(401)
    expect(wrong.message).toMatch(/^Invalid API Key provided: sk_test_\*+6789$/)

    const basic = await raw("GET", "/v1/customers", { headers: { authorization: `Basic ${Buffer.from(`${server.secretKey}:`).toString("base64")}` } })
    expect(basic.status).toBe(200)
    expect(basic.json).toMatchObject({ object: "list", data: [], has_more: false, url: "/v1/customers" })
  })

  it("keeps the publishable key to what Stripe.js may do", async () => {
    const res = await raw("POST", "/v1/payment_intents", { key: server.publishableKey, body: { amount: 100, currency: "cny" } })
    expect(res.status).toBe(401)
    expect(res.json.error.message).toMatch(/publishable API key/)
  })

  it("rejects bad input with the status, code and param Stripe uses", async () => {
    const missing = await caught(stripe.paymentIntents.create({ currency: "cny" }))
    expect(missing).toMatchObject({ type: "StripeInvalidRequestError", statusCode: 400, code: "parameter_missing", param: "amount" })
    const unknown = await caught(stripe.paymentIntents.create({ amount: 100, currency: "cny", colour: "red" }))
    expect(unknown).toMatchObject({ code: "parameter_unknown", param: "colour" })
    const notInt = await caught(stripe.paymentIntents.create({ amount: "88.5", currency: "cny" }))
    expect(notInt).toMatchObject({ code: "parameter_invalid_integer", param: "amount" })
    const none = await caught(stripe.paymentIntents.retrieve("pi_nope"))
    expect(none).toMatchObject({ statusCode: 404, code: "resource_missing", message: "No such payment_intent: 'pi_nope'" })
    const route = await raw("GET", "/v1/teapots", { key: server.secretKey })
    expect(route.status).toBe(404)
    expect(route.json.error.message).toMatch(/Unrecognized request URL \(GET: \/v1\/teapots\)/)
  })
})

describe("payment intents", () => {
  it("authorizes with a manual capture, captures, and books the charge in the balance", async () => {
    const cus = await stripe.customers.create({ email: "demo@palmlife.dev" })
    const created = await stripe.paymentIntents.create({
      amount: 8800, currency: "CNY", capture_method: "manual", customer: cus.id,
      metadata: { session_id: "payses_1" }, payment_method_types: ["card"], expand: ["payment_method"],
    })
    expect(created).toMatchObject({
      object: "payment_intent", amount: 8800, currency: "cny", status: "requires_payment_method", customer: cus.id,
      capture_method: "manual", livemode: false, metadata: { session_id: "payses_1" }, payment_method: null, latest_charge: null,
    })
    expect(created.id).toMatch(/^pi_/)
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`))
    expect(Math.abs(created.created - Date.now() / 1000)).toBeLessThan(5)

    const confirmed = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa", expand: ["payment_method", "latest_charge"] })
    expect(confirmed).toMatchObject({ status: "requires_capture", amount_capturable: 8800, amount_received: 0 })
    expect(confirmed.payment_method).toMatchObject({ id: expect.stringMatching(/^pm_/), type: "card", card: { brand: "visa", last4: "4242" } })
    expect(confirmed.latest_charge).toMatchObject({ id: expect.stringMatching(/^ch_/), captured: false, status: "succeeded", amount_captured: 0, balance_transaction: null })

    const captured = await stripe.paymentIntents.capture(created.id, { expand: ["latest_charge.balance_transaction"] })
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 8800, amount_capturable: 0 })
    expect(captured.latest_charge).toMatchObject({ captured: true, amount_captured: 8800, payment_intent: created.id })
    const txn = captured.latest_charge.balance_transaction
    expect(txn).toMatchObject({ object: "balance_transaction", type: "charge", reporting_category: "charge", amount: 8800, fee: 0, net: 8800, currency: "cny", source: captured.latest_charge.id, status: "pending" })
    expect(txn.id).toMatch(/^txn_/)
    expect(txn.available_on).toBe(Math.floor(txn.created / 86400) * 86400 + 2 * 86400)

    const again = await caught(stripe.paymentIntents.capture(created.id))
    expect(again).toMatchObject({ code: "payment_intent_unexpected_state", statusCode: 400 })
    expect(again.payment_intent).toMatchObject({ id: created.id, status: "succeeded" })
    expect((await stripe.balanceTransactions.list()).data).toHaveLength(1)
  })

  it("captures at confirmation with capture_method automatic and confirm=true", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1999, currency: "cny", confirm: true, payment_method: "pm_card_unionpay" })
    expect(pi).toMatchObject({ status: "succeeded", amount_received: 1999, capture_method: "automatic" })
    const charge = await stripe.charges.retrieve(pi.latest_charge)
    expect(charge).toMatchObject({ captured: true, paid: true, amount_captured: 1999, payment_method_details: { type: "card", card: { brand: "unionpay", last4: "0005" } } })
  })

  it("captures part of an authorization and refuses more than is capturable", async () => {
    const pi = await authorized(8800)
    const over = await caught(stripe.paymentIntents.capture(pi.id, { amount_to_capture: 8801 }))
    expect(over).toMatchObject({ code: "amount_too_large", param: "amount_to_capture" })
    const part = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 5000 })
    expect(part).toMatchObject({ status: "succeeded", amount_received: 5000 })
    const tooMuch = await caught(stripe.refunds.create({ payment_intent: pi.id, amount: 5001 }))
    expect(tooMuch).toMatchObject({ code: "amount_too_large", param: "amount", message: "Refund amount (¥50.01) is greater than unrefunded amount on charge (¥50.00)" })
  })

  it("declines a declined card with a 402 card error carrying the intent", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 8800, currency: "cny", capture_method: "manual" })
    const err = await caught(stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_chargeDeclined" }))
    expect(err).toMatchObject({ type: "StripeCardError", statusCode: 402, code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." })
    expect(err.payment_intent).toMatchObject({ id: pi.id, status: "requires_payment_method", payment_method: null, last_payment_error: { type: "card_error", code: "card_declined" } })
    expect(err.raw.charge).toMatch(/^ch_/)
    const charge = await stripe.charges.retrieve(err.raw.charge)
    expect(charge).toMatchObject({ status: "failed", failure_code: "card_declined", captured: false, balance_transaction: null })
    const broke = await caught(stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa_chargeDeclinedInsufficientFunds" }))
    expect(broke).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds" })
    // the same intent still takes a good card afterwards
    const ok = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })
    expect(ok).toMatchObject({ status: "requires_capture", last_payment_error: null })
    expect((await stripe.balanceTransactions.list()).data).toHaveLength(0)
  })

  it("declines at creation with confirm=true and still creates the intent", async () => {
    const err = await caught(stripe.paymentIntents.create({ amount: 500, currency: "cny", confirm: true, payment_method: "pm_card_visa_chargeDeclined" }))
    expect(err.type).toBe("StripeCardError")
    const stored = await stripe.paymentIntents.retrieve(err.payment_intent.id)
    expect(stored).toMatchObject({ status: "requires_payment_method", last_payment_error: { decline_code: "generic_decline" } })
  })

  it("asks for 3-D Secure and continues or fails on the authentication page", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 300, currency: "cny", capture_method: "manual" })
    const action = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_authenticationRequired", return_url: "https://shop.test/return" })
    expect(action.status).toBe("requires_action")
    expect(action.next_action.type).toBe("redirect_to_url")
    const page = await fetch(action.next_action.redirect_to_url.url, { redirect: "manual" })
    expect(page.status).toBe(302)
    expect(page.headers.get("location")).toMatch(/^https:\/\/shop\.test\/return\?payment_intent=pi_.+&redirect_status=succeeded$/)
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_capture")

    const pi2 = await stripe.paymentIntents.create({ amount: 300, currency: "cny" })
    const action2 = await stripe.paymentIntents.confirm(pi2.id, { payment_method: "pm_card_threeDSecure2Required" })
    const failed = await fetch(`${action2.next_action.redirect_to_url.url}&outcome=fail`).then((r) => r.json())
    expect(failed.payment_intent).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "payment_intent_authentication_failure" } })
    // off-session there is nobody to authenticate: declined
    const off = await caught(stripe.paymentIntents.create({ amount: 300, currency: "cny", confirm: true, off_session: true, payment_method: "pm_card_authenticationRequired" }))
    expect(off).toMatchObject({ code: "authentication_required" })
  })

  it("updates amount and metadata while open, only metadata once succeeded", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 100, currency: "cny", metadata: { a: "1", b: "2" } })
    const up = await stripe.paymentIntents.update(pi.id, { amount: 250, metadata: { a: "", c: "3" } })
    expect(up).toMatchObject({ amount: 250, metadata: { b: "2", c: "3" } })
    await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })
    const locked = await caught(stripe.paymentIntents.update(pi.id, { amount: 300 }))
    expect(locked).toMatchObject({ code: "payment_intent_unexpected_state", param: "amount" })
    expect(locked.message).toMatch(/status of succeeded/)
    expect((await stripe.paymentIntents.update(pi.id, { metadata: { order_id: "order_1" } })).metadata.order_id).toBe("order_1")
  })

  it("cancels an authorization once, releasing it without a balance transaction", async () => {
    const pi = await authorized(700)
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: "abandoned" })
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned", amount_capturable: 0 })
    const again = await caught(stripe.paymentIntents.cancel(pi.id))
    expect(again.payment_intent.status).toBe("canceled")
    const refund = await caught(stripe.refunds.create({ payment_intent: pi.id }))
    expect(refund.statusCode).toBe(400)
    expect((await stripe.balanceTransactions.list()).data).toEqual([])
  })
})

describe("refunds", () => {
  it("refunds in parts down to zero, each with a negative balance transaction", async () => {
    const pi = await stripe.paymentIntents.capture((await authorized(8800)).id)
    const first = await stripe.refunds.create({ payment_intent: pi.id, amount: 3000, reason: "requested_by_customer", metadata: { voucher_id: "v1" } })
    expect(first).toMatchObject({ object: "refund", amount: 3000, status: "succeeded", payment_intent: pi.id, charge: pi.latest_charge, currency: "cny", metadata: { voucher_id: "v1" } })
    expect(first.id).toMatch(/^re_/)
    const rest = await stripe.refunds.create({ charge: pi.latest_charge })
    expect(rest.amount).toBe(5800)
    const done = await caught(stripe.refunds.create({ payment_intent: pi.id, amount: 1 }))
    expect(done).toMatchObject({ code: "charge_already_refunded" })
    expect(await stripe.charges.retrieve(pi.latest_charge)).toMatchObject({ amount_refunded: 8800, refunded: true })

    const txns = await stripe.balanceTransactions.list({ type: "refund" })
    expect(txns.data.map((t: any) => [t.amount, t.fee, t.net, t.reporting_category, t.source])).toEqual([
      [-5800, 0, -5800, "refund", rest.id],
      [-3000, 0, -3000, "refund", first.id],
    ])
    expect((await stripe.refunds.retrieve(first.id, { expand: ["balance_transaction"] })).balance_transaction.amount).toBe(-3000)
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data.map((r: any) => r.id)).toEqual([rest.id, first.id])
  })

  it("charges the configured fee on captures and not on refunds", async () => {
    const fees = await startStripeServer({ feeBps: 290, feeFixed: 30 })
    try {
      const s = new Stripe(fees.secretKey, fees.clientOptions())
      const pi = await s.paymentIntents.create({ amount: 8800, currency: "cny", confirm: true, payment_method: "pm_card_visa" })
      await s.refunds.create({ payment_intent: pi.id, amount: 1000 })
      const [refund, charge] = (await s.balanceTransactions.list()).data
      // 8800 × 2.9% = 255.2 → 255, + 30 fixed
      expect(charge).toMatchObject({ amount: 8800, fee: 285, net: 8515, fee_details: [{ amount: 285, type: "stripe_fee" }] })
      expect(refund).toMatchObject({ amount: -1000, fee: 0, net: -1000 })
      const balance = await s.balance.retrieve()
      expect(balance.pending).toEqual([{ amount: 7515, currency: "cny", source_types: { card: 7515 } }])
    } finally {
      await fees.close()
    }
  })
})

describe("idempotency", () => {
  it("replays the stored response for the same key and params, and refuses other params", async () => {
    const a = await stripe.paymentIntents.create({ amount: 8800, currency: "cny" }, { idempotencyKey: "payses_same" })
    const b = await stripe.paymentIntents.create({ amount: 8800, currency: "cny" }, { idempotencyKey: "payses_same" })
    expect(b.id).toBe(a.id)
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(a.lastResponse.headers["idempotent-replayed"]).toBeUndefined()
    expect((await stripe.paymentIntents.list()).data).toHaveLength(1)

    const other = await caught(stripe.paymentIntents.create({ amount: 9900, currency: "cny" }, { idempotencyKey: "payses_same" }))
    expect(other).toMatchObject({ type: "StripeIdempotencyError", statusCode: 400 })
    expect(other.message).toMatch(/same parameters they were first used with/)
  })

  it("does not refund or capture twice on a retried request", async () => {
    const pi = await authorized(8800)
    await stripe.paymentIntents.capture(pi.id, {}, { idempotencyKey: "capt_1" })
    const replay = await stripe.paymentIntents.capture(pi.id, {}, { idempotencyKey: "capt_1" })
    expect(replay.status).toBe("succeeded")
    const r1 = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { idempotencyKey: "ref_1" })
    const r2 = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { idempotencyKey: "ref_1" })
    expect(r2.id).toBe(r1.id)
    expect((await stripe.refunds.list()).data).toHaveLength(1)
    expect((await stripe.balanceTransactions.list()).data.map((t: any) => t.amount)).toEqual([-1000, 8800])
  })

  it("replays a card decline rather than charging on a retry", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 100, currency: "cny" })
    const first = await caught(stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_chargeDeclined" }, { idempotencyKey: "conf_1" }))
    const second = await caught(stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_chargeDeclined" }, { idempotencyKey: "conf_1" }))
    expect(second.raw.charge).toBe(first.raw.charge)
    expect(second.headers["idempotent-replayed"]).toBe("true")
    expect((await stripe.charges.list({ payment_intent: pi.id })).data).toHaveLength(1)
  })
})

describe("lists", () => {
  it("pages newest first with limit and starting_after, and filters on created", async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await stripe.customers.create({ email: `c${i}@palmlife.dev` })).id)
    await fetch(`${server.url}/_test/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advance: 86400 }) })
    const later = await stripe.customers.create({ email: "later@palmlife.dev" })
    const page1 = await stripe.customers.list({ limit: 4 })
    expect(page1).toMatchObject({ object: "list", has_more: true, url: "/v1/customers" })
    expect(page1.data.map((c: any) => c.id)).toEqual([later.id, ...ids.slice(2).reverse()])
    const page2 = await stripe.customers.list({ limit: 4, starting_after: page1.data[3].id })
    expect(page2.has_more).toBe(false)
    expect(page2.data.map((c: any) => c.id)).toEqual([ids[1], ids[0]])

    const cut = later.created
    expect((await stripe.customers.list({ created: { gte: cut } })).data.map((c: any) => c.id)).toEqual([later.id])
    expect((await stripe.customers.list({ created: { lt: cut }, limit: 100 })).data).toHaveLength(5)
    const all: string[] = []
    for await (const c of stripe.customers.list({ limit: 2 })) all.push(c.id)
    expect(all).toHaveLength(6)
    const badLimit = await caught(stripe.customers.list({ limit: 101 }))
    expect(badLimit).toMatchObject({ param: "limit" })
  })

  it("filters balance transactions by type and created", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "cny", confirm: true, payment_method: "pm_card_visa" })
    await fetch(`${server.url}/_test/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advance: 3 * 86400 }) })
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 400 })
    const refundTxn = await stripe.balanceTransactions.retrieve(refund.balance_transaction)
    const charges = await stripe.balanceTransactions.list({ type: "charge" })
    expect(charges.data).toHaveLength(1)
    // captured three days ago with T+2: available by now
    expect(charges.data[0].status).toBe("available")
    const sinceRefund = await stripe.balanceTransactions.list({ created: { gte: refundTxn.created } })
    expect(sinceRefund.data.map((t: any) => t.id)).toEqual([refundTxn.id])
  })
})

describe("customers and saved cards", () => {
  it("creates, updates, deletes customers and lists their saved cards", async () => {
    const c = await stripe.customers.create({ email: "a@palmlife.dev", name: "A", address: { city: "上海", country: "CN" }, metadata: { medusa: "cus_1" } })
    expect(c).toMatchObject({ object: "customer", email: "a@palmlife.dev", address: { city: "上海" }, livemode: false })
    expect(c.id).toMatch(/^cus_/)
    expect((await stripe.customers.update(c.id, { name: "B" })).name).toBe("B")
    const si = await stripe.setupIntents.create({ customer: c.id, payment_method: "pm_card_mastercard", confirm: true })
    expect(si.status).toBe("succeeded")
    const cards = await stripe.customers.listPaymentMethods(c.id, { limit: 100 })
    expect(cards.data.map((pm: any) => [pm.customer, pm.card.last4])).toEqual([[c.id, "4444"]])
    await stripe.paymentMethods.detach(cards.data[0].id)
    expect((await stripe.customers.listPaymentMethods(c.id)).data).toEqual([])
    expect(await stripe.customers.del(c.id)).toEqual(expect.objectContaining({ id: c.id, deleted: true }))
    expect(await stripe.customers.retrieve(c.id)).toEqual(expect.objectContaining({ id: c.id, deleted: true }))
    const gone = await caught(stripe.customers.update(c.id, { name: "C" }))
    expect(gone).toMatchObject({ statusCode: 404, code: "resource_missing" })
  })
})

describe("the browser's calls (publishable key + client_secret)", () => {
  it("retrieves a restricted view and confirms the way Stripe.js does", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 8800, currency: "cny", capture_method: "manual", metadata: { session_id: "x" } })
    const wrong = await raw("GET", `/v1/payment_intents/${pi.id}?client_secret=${pi.id}_secret_nope`, { key: server.publishableKey })
    expect(wrong.status).toBe(400)
    expect(wrong.json.error.param).toBe("client_secret")
    const view = await raw("GET", `/v1/payment_intents/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret)}&key=${server.publishableKey}`)
    expect(view.status).toBe(200)
    expect(view.json).toMatchObject({ id: pi.id, status: "requires_payment_method", amount: 8800 })
    expect(view.json.metadata).toBeUndefined()

    // Stripe.js: key and client_secret in the body, card details as payment_method_data
    const confirm = await raw("POST", `/v1/payment_intents/${pi.id}/confirm`, {
      body: {
        key: server.publishableKey, client_secret: pi.client_secret, expand: ["payment_method"], payment_user_agent: "stripe.js/test",
        payment_method_data: { type: "card", card: { number: "4242 4242 4242 4242", exp_month: "12", exp_year: "34", cvc: "123" }, billing_details: { name: "张三" } },
      },
    })
    expect(confirm.status).toBe(200)
    expect(confirm.json).toMatchObject({ status: "requires_capture", payment_method: { card: { last4: "4242", exp_year: 2034 }, billing_details: { name: "张三" } } })

    const bad = await raw("POST", "/v1/payment_methods", { key: server.publishableKey, body: { type: "card", card: { number: "4242424242424241", exp_month: "1", exp_year: "2030" } } })
    expect(bad.status).toBe(402)
    expect(bad.json.error).toMatchObject({ type: "card_error", code: "incorrect_number" })
    const pm = await raw("POST", "/v1/payment_methods", { key: server.publishableKey, body: { type: "card", card: { number: "4000000000000002", exp_month: "1", exp_year: "2030" } } })
    const pi2 = await stripe.paymentIntents.create({ amount: 100, currency: "cny" })
    const declined = await raw("POST", `/v1/payment_intents/${pi2.id}/confirm`, { key: server.publishableKey, body: { client_secret: pi2.client_secret, payment_method: pm.json.id } })
    expect(declined.status).toBe(402)
    expect(declined.json.error).toMatchObject({ type: "card_error", code: "card_declined", payment_intent: { id: pi2.id, status: "requires_payment_method" } })
    expect(declined.json.error.payment_intent.metadata).toBeUndefined()
  })
})

describe("webhooks", () => {
  it("posts signed events that stripe.webhooks.constructEvent accepts, in order", async () => {
    const received: { body: string; signature: string }[] = []
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c) => chunks.push(c))
      req.on("end", () => {
        received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["stripe-signature"]) })
        res.writeHead(200).end("{}")
      })
    })
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()))
    try {
      const secret = "whsec_test_receiver"
      const port = (receiver.address() as any).port
      server.addWebhookEndpoint({ url: `http://127.0.0.1:${port}/hooks`, secret, enabled_events: ["payment_intent.succeeded", "payment_intent.amount_capturable_updated", "payment_intent.payment_failed", "charge.refunded"] })
      const pi = await authorized(8800, { metadata: { session_id: "payses_w" } })
      await stripe.paymentIntents.capture(pi.id)
      await stripe.refunds.create({ payment_intent: pi.id, amount: 800 })
      const declined = await stripe.paymentIntents.create({ amount: 100, currency: "cny" })
      await caught(stripe.paymentIntents.confirm(declined.id, { payment_method: "pm_card_chargeDeclined" }))
      const deliveries = await server.flushWebhooks()
      expect(deliveries.every((d) => d.delivered && d.status === 200)).toBe(true)

      const events = received.map((r) => stripe.webhooks.constructEvent(r.body, r.signature, secret))
      expect(events.map((e: any) => e.type)).toEqual([
        "payment_intent.amount_capturable_updated", "payment_intent.succeeded", "charge.refunded", "payment_intent.payment_failed",
      ])
      expect(events[1].data.object).toMatchObject({ id: pi.id, status: "succeeded", amount_received: 8800, metadata: { session_id: "payses_w" } })
      expect(events[2].data.object).toMatchObject({ object: "charge", amount_refunded: 800 })
      expect(events[2].data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false })
      expect(events[0].id).toMatch(/^evt_/)
      expect(received[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
      expect(() => stripe.webhooks.constructEvent(received[0].body, received[0].signature, "whsec_other")).toThrow(/No signatures found/)
      expect(() => stripe.webhooks.constructEvent(received[0].body.replace("8800", "8801"), received[0].signature, secret)).toThrow(/No signatures found/)
      const listed = await stripe.events.list({ type: "payment_intent.succeeded" })
      expect(listed.data.map((e: any) => e.id)).toEqual([events[1].id])
    } finally {
      receiver.close()
    }
  })

  it("retries a failing endpoint and records the outcome", async () => {
    let calls = 0
    const flaky = http.createServer((req, res) => {
      req.resume()
      res.writeHead(++calls === 1 ? 500 : 200).end()
    })
    await new Promise<void>((r) => flaky.listen(0, "127.0.0.1", () => r()))
    try {
      server.addWebhookEndpoint({ url: `http://127.0.0.1:${(flaky.address() as any).port}/`, secret: "whsec_x", enabled_events: ["customer.created"] })
      await stripe.customers.create({ email: "w@palmlife.dev" })
      const [delivery] = await server.flushWebhooks()
      expect(delivery).toMatchObject({ type: "customer.created", attempts: 2, status: 200, delivered: true })
    } finally {
      flaky.close()
    }
  })

  it("signs hand-built events the way Stripe does", () => {
    const event = buildEvent("payment_intent.succeeded", { id: "pi_1", object: "payment_intent", metadata: { session_id: "s" } })
    const { payload, headers } = signedEventRequest(event, "whsec_helper")
    expect(stripe.webhooks.constructEvent(payload, headers["stripe-signature"], "whsec_helper")).toEqual(event)
    const old = signedEventRequest(event, "whsec_helper", Math.floor(Date.now() / 1000) - 3600)
    expect(() => stripe.webhooks.constructEvent(old.payload, old.headers["stripe-signature"], "whsec_helper")).toThrow(/tolerance/)
  })
})

describe("standalone", () => {
  it("runs as a child process and prints its URL", async () => {
    const child = spawn(process.execPath, [path.join(__dirname, "..", "support", "stripe-server", "cli.js"), "--port", "0", "--secret-key", "sk_test_cli_123456789012"], { stdio: ["ignore", "pipe", "inherit"] })
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once("data", (d) => resolve(String(d)))
        child.once("exit", (code) => reject(new Error(`exited ${code}`)))
      })
      const info = JSON.parse(line)
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const u = new URL(info.url)
      const s = new Stripe("sk_test_cli_123456789012", { host: u.hostname, port: Number(u.port), protocol: "http" })
      expect((await s.customers.create({ email: "cli@palmlife.dev" })).id).toMatch(/^cus_/)
    } finally {
      child.kill("SIGTERM")
    }
  })
})
