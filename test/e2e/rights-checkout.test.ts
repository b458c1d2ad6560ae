// @e2e-stack stripe — this journey pays by card, so its stack runs the Stripe test server (scripts/test.js)
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { backendApi, loginToken } from "../support/e2e-api"
import {
  addToCart,
  fillCard,
  logInToStorefront,
  openVoucherCheckout,
  step,
  storefrontCartId,
  waitForText,
} from "../support/storefront-journeys"

// Rights payment in Chromium, against the Stripe test server: the Platinum demo customer buys the
// ¥79.9 IMAX ticket with the "¥9.9 movie Wednesday" benefit (−¥70), the most points the cart allows
// (50% of ¥9.9 → 495 points = ¥4.95) and a card for the ¥4.95 left (a declined card first). The
// points page shows the burn and the new balance, the benefits page one use fewer; refunding the
// voucher from the order page gives back ¥4.95 to the card, the 495 points and the benefit's use.
// Every figure the pages show is checked against what the backend (or the card host) says.
//
// Needs the stack's card opt-in: E2E_STRIPE=1 (test/support/e2e-stack.js starts the Stripe test
// server and builds the storefront with NEXT_PUBLIC_STRIPE_API_BASE / _PUBLISHABLE_KEY).

jest.setTimeout(300 * 1000)

const HANDLE = "starlight-imax-ticket"
const MOVIE_PROGRAM = "¥9.9 movie Wednesday"
const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)
const api = backendApi

/** E2E_SHOT_DIR=/some/dir keeps 375 px pictures of the steps for a human to look at. */
async function keepShot(page: Page, name: string) {
  const dir = process.env.E2E_SHOT_DIR
  if (dir) await page.screenshot({ path: path.join(dir, `rights-checkout-${name}.png`), fullPage: true })
}

/** Polls `probe` until it returns something truthy (no fixed sleeps). */
async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

const yuan = (n: number) => `¥${n.toFixed(2)}`
const points = (n: number) => new Intl.NumberFormat("zh-CN").format(n)

async function stripeState(): Promise<any> {
  const res = await fetch(`${process.env.E2E_STRIPE_API_BASE}/_test/state`)
  if (!res.ok) throw new Error(`stripe test server state: HTTP ${res.status}`)
  return res.json()
}

describe("checkout with rights: benefit + points + card, then a refund gives each part back", () => {
  let browser: Browser
  let shopper: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    shopper = await phonePage(browser)
    shopper.on("pageerror", (e) => pageErrors.push(e.message))
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("the Platinum customer pays ¥79.90 with the ¥9.9 benefit, 495 points and ¥4.95 by card; the refund restores points and quota", async () => {
    if (!process.env.E2E_STRIPE_API_BASE || !process.env.E2E_STRIPE_PUBLISHABLE_KEY) {
      throw new Error("this journey pays by card against the Stripe test server: run it with E2E_STRIPE=1 (test/support/e2e-stack.js)")
    }
    const { storefront } = stackUrls()
    const { email, password } = demo().customer
    const token = await loginToken("customer", email, password)
    const adminToken = await loginToken("user", demo().admin.email, demo().admin.password)

    // The demo's movie benefit is for Wednesdays; open it every day so the journey runs any day.
    const { body: programs } = await api("GET", "/admin/benefit-programs", { token: adminToken })
    const program = programs.benefit_programs.find((p: any) => p.name.startsWith(MOVIE_PROGRAM))
    expect(program).toBeTruthy()
    const opened = await api("POST", `/admin/benefit-programs/${program.id}`, { token: adminToken, body: { weekdays: null } })
    expect([opened.status, opened.body.benefit_program?.weekdays ?? null]).toEqual([200, null])

    const rightsNow = async () => (await api("GET", "/store/rights", { token, store: true })).body
    const before = await rightsNow()
    const balanceBefore: number = before.points.balance
    const movie = before.benefits.find((b: any) => b.id === program.id)
    expect(movie).toMatchObject({ kind: "fixed_price", value: 9.9, period: "month", usable_now: true })
    const quotaBefore: number = movie.remaining
    const quota: number = movie.quota
    expect(balanceBefore).toBeGreaterThanOrEqual(495)
    expect(quotaBefore).toBeGreaterThan(0)
    expect(before.groups.map((g: any) => g.name)).toContain("Platinum card")

    await step(shopper, "login", () => logInToStorefront(shopper, storefront, email, password))
    await step(shopper, "account-links", async () => {
      // the account page links to points (with the balance) and benefits
      await waitForText(shopper, "account-points-balance", `${points(balanceBefore)} 积分`)
      await shopper.getByTestId("account-benefits-link").waitFor()
    })
    await step(shopper, "add-to-cart", () => addToCart(shopper, storefront, HANDLE))
    await step(shopper, "checkout", () => openVoucherCheckout(shopper, storefront, email))
    const cartId = await storefrontCartId(shopper)
    const cartRights = async () => (await api("GET", `/store/carts/${cartId}/rights`, { token, store: true })).body

    await step(shopper, "rights-step", async () => {
      await shopper.getByTestId("rights-step").waitFor()
      expect((await shopper.getByTestId("rights-balance").innerText()).trim()).toEqual(points(balanceBefore))
      // nothing applied yet: all ¥79.90 is due, points may pay half
      const fresh = await cartRights()
      expect(fresh.rights).toMatchObject({ points_applied: 0, benefit_value: 0, cash_due: 79.9 })
      expect(await shopper.getByTestId("rights-max").getAttribute("data-max")).toEqual(String(fresh.points.max_for_cart))
      await waitForText(shopper, "rights-cash-due", yuan(79.9))
      // the benefit offers what the server worked out for this cart, with the quota left
      const offer = shopper.locator(`[data-testid="rights-benefit"][data-benefit-id="${program.id}"]`)
      expect(await offer.getAttribute("data-eligible")).toEqual("true")
      const planned = fresh.benefits.find((b: any) => b.id === program.id)
      expect(planned).toMatchObject({ value_for_cart: 70, eligible: true, remaining: quotaBefore })
      expect((await offer.getByTestId("rights-benefit-value-for-cart").innerText()).trim()).toEqual(`省 ${yuan(70)}`)
      expect((await offer.getByTestId("rights-benefit-remaining").innerText()).trim()).toEqual(`本月剩 ${quotaBefore}/${planned.quota} 次`)
      await keepShot(shopper, "rights-empty")
    })

    await step(shopper, "choose-benefit", async () => {
      // the choice shows once the server planned it (a controlled radio), so click, then wait for the figures
      await shopper.locator(`[data-testid="rights-benefit"][data-benefit-id="${program.id}"] input`).click()
      await waitForText(shopper, "rights-benefit-value", `−${yuan(70)}`)
      await waitForText(shopper, "rights-cash-due", yuan(9.9))
      const now = await cartRights()
      expect(now.rights).toMatchObject({ benefit_id: program.id, benefit_value: 70, points_applied: 0, cash_due: 9.9 })
      // with the benefit, points may pay at most half of ¥9.90
      expect(now.points.max_for_cart).toEqual(495)
      await shopper.locator('[data-testid="rights-max"][data-max="495"]').waitFor()
    })

    await step(shopper, "too-many-points", async () => {
      await shopper.getByTestId("rights-points-input").fill("496")
      await shopper.getByTestId("rights-apply-points").click()
      const error = shopper.locator('[data-testid="rights-error"][data-code="points_cap_exceeded"]')
      await error.waitFor()
      expect((await error.innerText()).trim()).toEqual("超出本单可用积分上限，请减少使用的积分。")
      // nothing half-applied
      expect((await cartRights()).rights).toMatchObject({ points_applied: 0, benefit_value: 70, cash_due: 9.9 })
    })

    await step(shopper, "use-max-points", async () => {
      await shopper.getByTestId("rights-use-max").click()
      await shopper.locator('[data-testid="rights-points-value"][data-points="495"]').waitFor()
      await waitForText(shopper, "rights-points-value", `−${yuan(4.95)}`)
      await waitForText(shopper, "rights-cash-due", yuan(4.95))
      await shopper.getByTestId("rights-error").waitFor({ state: "detached" })
      await until("the points input to show what was applied", async () => (await shopper.getByTestId("rights-points-input").inputValue()) === "495")
      const now = await cartRights()
      expect(now.rights).toEqual({ points_applied: 495, points_value: 4.95, benefit_id: program.id, benefit_value: 70, cash_due: 4.95 })
      // the order summary shows the same server totals
      await waitForText(shopper, "cart-rights-benefit", `−${yuan(70)}`)
      await waitForText(shopper, "cart-rights-points", `−${yuan(4.95)}`)
      await waitForText(shopper, "cart-total", yuan(4.95))
      await waitForText(shopper, "card-amount", yuan(4.95))
      await keepShot(shopper, "rights-applied")
    })

    const ledger = async () => (await api("GET", "/store/rights/points?limit=100", { token, store: true })).body
    const ledgerBefore = new Set<string>((await ledger()).entries.map((e: any) => e.id))
    const stripeBefore = await stripeState()
    const knownIntents = new Set<string>((stripeBefore.payment_intents ?? []).map((pi: any) => pi.id))

    await step(shopper, "declined-card", async () => {
      await fillCard(shopper, "4000 0000 0000 0002")
      await shopper.getByTestId("place-order").click()
      const error = shopper.getByTestId("card-error")
      await error.waitFor({ timeout: 60000 })
      expect(await error.innerText()).toContain("银行卡支付没有成功")
      expect(shopper.url()).toContain("/checkout")
      // the rights are still applied; nothing was burned
      expect((await cartRights()).rights).toMatchObject({ points_applied: 495, benefit_value: 70, cash_due: 4.95 })
      expect((await rightsNow()).points.balance).toEqual(balanceBefore)
    })

    const displayId = await step(shopper, "pay-by-card", async () => {
      await fillCard(shopper, "4242 4242 4242 4242")
      await shopper.getByTestId("place-order").click()
      await shopper.getByTestId("order-confirmed").waitFor({ timeout: 60000 })
      await keepShot(shopper, "confirmed")
      return Number((await shopper.getByTestId("order-display-id").innerText()).replace(/[^0-9]/g, ""))
    })

    const { body: ordersBody } = await api("GET", "/store/orders?fields=id,display_id,total", { token, store: true })
    const order = ordersBody.orders.find((o: any) => o.display_id === displayId)
    expect(order).toBeTruthy()
    expect(Number(order.total)).toEqual(4.95) // the cash part

    // the card host saw exactly one successful ¥4.95 charge for this checkout (captured on issuance)
    const charged = await until("the ¥4.95 PaymentIntent captured", async () => {
      const fresh = (await stripeState()).payment_intents.filter((pi: any) => !knownIntents.has(pi.id))
      const ok = fresh.filter((pi: any) => pi.status === "succeeded")
      return ok.length === 1 ? { ok: ok[0], all: fresh } : null
    })
    expect([charged.ok.amount, charged.ok.currency]).toEqual([495, "cny"])

    // points: 495 burned once at completion (the declined card burned nothing), then points earned
    // on the cash part once the order was placed
    const afterBuy = await until("points earned on the order", async () => {
      const l = await ledger()
      return l.entries.some((e: any) => e.order_id === order.id && e.kind === "earn") ? l : null
    })
    const newEntries = afterBuy.entries.filter((e: any) => !ledgerBefore.has(e.id))
    const burn = newEntries.filter((e: any) => e.kind === "burn")
    expect(burn.map((e: any) => e.points)).toEqual([-495])
    const earnEntries = newEntries.filter((e: any) => e.kind === "earn")
    expect(earnEntries.map((e: any) => e.order_id)).toEqual([order.id])
    const earned: number = earnEntries[0].points
    expect(newEntries.map((e: any) => e.kind).sort()).toEqual(["burn", "earn"])
    expect(afterBuy.balance).toEqual(balanceBefore - 495 + earned)

    await step(shopper, "points-page", async () => {
      await shopper.goto(`${storefront}/account/points`)
      await shopper.getByTestId("points-page").waitFor()
      expect(await shopper.getByTestId("points-balance").getAttribute("data-points")).toEqual(String(afterBuy.balance))
      expect((await shopper.getByTestId("points-balance").innerText()).trim()).toEqual(points(afterBuy.balance))
      // newest first: the earn, then the burn, exactly as the ledger has them
      const rows = shopper.getByTestId("points-entry")
      const shown = await rows.evaluateAll((els) => els.slice(0, 2).map((el) => [el.getAttribute("data-kind"), Number(el.getAttribute("data-points"))]))
      expect(shown).toEqual(afterBuy.entries.slice(0, 2).map((e: any) => [e.kind, e.points]))
      const burnRow = shopper.locator(`[data-testid="points-entry"][data-kind="burn"]`).first()
      expect(await burnRow.getAttribute("data-points")).toEqual("-495")
      expect(await burnRow.innerText()).toContain("下单抵扣")
      expect(await burnRow.innerText()).toContain("−495")
      const earnRow = shopper.locator(`[data-testid="points-entry"][data-kind="earn"][data-order-id="${order.id}"]`)
      expect(await earnRow.getAttribute("data-points")).toEqual(String(earned))
      await keepShot(shopper, "points")
    })

    await step(shopper, "benefits-page", async () => {
      await shopper.goto(`${storefront}/account/benefits`)
      const item = shopper.locator(`[data-testid="benefit"][data-benefit-id="${program.id}"]`)
      await item.waitFor()
      const remaining = (await rightsNow()).benefits.find((b: any) => b.id === program.id).remaining
      expect(remaining).toEqual(quotaBefore - 1)
      expect(await item.getAttribute("data-remaining")).toEqual(String(remaining))
      expect((await item.getByTestId("benefit-remaining").innerText()).trim()).toEqual(`本月剩 ${remaining}/${quota} 次`)
      await keepShot(shopper, "benefits")
    })

    const voucherId = await step(shopper, "order-page", async () => {
      await shopper.goto(`${storefront}/account/orders/${order.id}`)
      await shopper.getByTestId("order-payment").waitFor()
      expect((await shopper.getByTestId("order-paid-cash").innerText()).trim()).toEqual(yuan(4.95))
      expect((await shopper.getByTestId("order-paid-benefit").innerText()).trim()).toEqual(yuan(70))
      expect((await shopper.getByTestId("order-paid-points").innerText()).trim()).toEqual(yuan(4.95))
      expect(await shopper.getByTestId("order-points-used").getAttribute("data-points")).toEqual("495")
      // the voucher is issued once the payment is captured: reload until the order lists it
      const row = shopper.locator('[data-testid="order-voucher"][data-status="active"]')
      await until("the order's voucher", async () => {
        if (await row.count()) return true
        await shopper.reload()
        await shopper.getByTestId("order-voucher-list").waitFor()
        return (await row.count()) > 0
      })
      expect(await row.count()).toEqual(1)
      await keepShot(shopper, "order")
      return (await row.getAttribute("data-voucher-id")) as string
    })

    const refund = await step(shopper, "refund-from-order-page", async () => {
      await shopper.getByTestId("order-voucher-refund").click()
      await shopper.getByTestId("order-voucher-refund-confirm").click()
      const result = shopper.getByTestId("order-voucher-refund-result")
      await result.waitFor({ timeout: 60000 })
      expect(await result.innerText()).toContain(`已退款 ${yuan(4.95)}`)
      expect(await result.getByTestId("refund-points-returned").getAttribute("data-points")).toEqual("495")
      expect((await result.getByTestId("refund-points-returned").innerText()).trim()).toEqual("退回 495 积分")
      await result.getByTestId("refund-quota-restored").waitFor()
      // the page refreshed from the backend: voucher refunded, points returned on the order
      await shopper.locator(`[data-testid="order-voucher"][data-voucher-id="${voucherId}"][data-status="refunded"]`).waitFor()
      await shopper.locator('[data-testid="order-points-returned"][data-points="495"]').waitFor()
      await keepShot(shopper, "refunded")
      const clawed = result.getByTestId("refund-points-clawed-back")
      return { clawedBack: (await clawed.count()) ? Number(await clawed.getAttribute("data-points")) : 0 }
    })

    // the backend agrees: voucher refunded, points and quota back where they started
    const { body: voucherBody } = await api("GET", `/store/wallet/vouchers/${voucherId}`, { token, store: true })
    expect(voucherBody.voucher).toMatchObject({ id: voucherId, status: "refunded", order_id: order.id })
    const after = await rightsNow()
    expect(refund.clawedBack).toEqual(earned)
    expect(after.points.balance).toEqual(balanceBefore)
    expect(after.benefits.find((b: any) => b.id === program.id).remaining).toEqual(quotaBefore)
    const refunds = (await stripeState()).refunds.filter((r: any) => r.payment_intent === charged.ok.id)
    expect(refunds.map((r: any) => [r.amount, r.status])).toEqual([[495, "succeeded"]])

    await step(shopper, "points-restored", async () => {
      await shopper.goto(`${storefront}/account/points`)
      expect(await shopper.getByTestId("points-balance").getAttribute("data-points")).toEqual(String(balanceBefore))
      const back = shopper.locator(`[data-testid="points-entry"][data-kind="refund"][data-order-id="${order.id}"]`)
      expect(await back.getAttribute("data-points")).toEqual("495")
      expect(await back.innerText()).toContain("退款退回")
    })

    await step(shopper, "quota-restored", async () => {
      await shopper.goto(`${storefront}/account/benefits`)
      const item = shopper.locator(`[data-testid="benefit"][data-benefit-id="${program.id}"]`)
      expect(await item.getAttribute("data-remaining")).toEqual(String(quotaBefore))
      expect((await item.getByTestId("benefit-remaining").innerText()).trim()).toEqual(`本月剩 ${quotaBefore}/${quota} 次`)
    })

    expect(pageErrors).toEqual([])
  })
})
