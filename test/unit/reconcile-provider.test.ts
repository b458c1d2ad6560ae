import { createRequire } from "node:module"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { reconcile } from "../../src/modules/settlement/reconcile"
import { reconciliationStripeClient } from "../../src/workflows/steps/reconciliation-provider"
import { listProviderMovements } from "../../src/workflows/steps/reconciliation-provider-movements"
import { startStripeServer, type StripeTestServer } from "../support/stripe-server"

jest.setTimeout(60 * 1000)

const Stripe = createRequire(require.resolve("@medusajs/payment-stripe/dist/core/stripe-base"))("stripe")
const containerWith = (modules: Record<string, unknown>) => ({
  resolve: (key: string) => (key === ContainerRegistrationKeys.CONFIG_MODULE ? { modules } : undefined),
})

describe("the reconciliation's Stripe client", () => {
  it("is none without the card provider in the payment module's config", () => {
    expect(reconciliationStripeClient(containerWith({}))).toBeNull()
    expect(reconciliationStripeClient(containerWith({ [Modules.PAYMENT]: { options: { providers: [] } } }))).toBeNull()
    expect(reconciliationStripeClient(containerWith({ [Modules.PAYMENT]: { options: { providers: [{ id: "stripe", options: {} }] } } }))).toBeNull()
  })

  it("uses the provider's key and host", () => {
    const stripe = reconciliationStripeClient(
      containerWith({ [Modules.PAYMENT]: { options: { providers: [{ id: "stripe", options: { apiKey: "sk_test_x", apiBase: "http://127.0.0.1:12111" } }] } } })
    )
    expect(stripe.getApiField("host")).toBe("127.0.0.1")
    expect(stripe.getApiField("port")).toBe(12111)
    expect(stripe.getApiField("protocol")).toBe("http")
  })
})

describe("listProviderMovements against the Stripe test server", () => {
  let server: StripeTestServer
  beforeAll(async () => {
    server = await startStripeServer()
  })
  afterAll(() => server.close())

  it("pages through more than one list page, charges as captures and refunds by their PaymentIntent", async () => {
    const stripe = new Stripe(server.secretKey, server.clientOptions())
    const intents: string[] = []
    for (let i = 0; i < 105; i++) {
      const pi = await stripe.paymentIntents.create({ amount: 100 + i, currency: "cny", payment_method: "pm_card_visa", confirm: true })
      intents.push(pi.id)
    }
    await stripe.refunds.create({ payment_intent: intents[0], amount: 40 })
    await stripe.refunds.create({ payment_intent: intents[0], amount: 60 })
    const now = Date.now()
    const window = { from: new Date(now - 60 * 60 * 1000).toISOString(), to: new Date(now + 60 * 60 * 1000).toISOString() }
    const movements = await listProviderMovements(stripe, window)
    expect(movements.filter((m) => m.kind === "capture")).toHaveLength(105)
    expect(movements.filter((m) => m.kind === "refund").map((m) => [m.payment_intent, m.amount]).sort()).toEqual([[intents[0], 40], [intents[0], 60]])
    expect(new Set(movements.map((m) => m.balance_transaction)).size).toBe(107)
    // the same movements seen from our side match one for one
    const ours = movements.map((m, i) => ({ ...m, id: `x_${i}`, payment_id: "pay", order_id: null, payment_intent: m.payment_intent! }))
    expect(reconcile(ours, movements).summary).toEqual({ matched: 107, missing: 0, extra: 0, differing: 0 })
    // a window outside the day sees nothing
    expect(await listProviderMovements(stripe, { from: "2020-01-01T00:00:00.000Z", to: "2020-01-02T00:00:00.000Z" })).toEqual([])
  })
})
