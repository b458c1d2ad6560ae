import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { backendApi, loginToken } from "../support/e2e-api"
import { addToCart, checkOutVoucherCart, logInToStorefront, step } from "../support/storefront-journeys"

// The core loop in Chromium: the demo customer buys Golden Dragon's ¥100 stored-value voucher,
// finds it in My vouchers, a web terminal (paired by the test through the admin API) redeems
// ¥30 of it, and the wallet then shows ¥70 left with one redemption.

jest.setTimeout(240 * 1000)

const HANDLE = "golden-dragon-100-voucher"
const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)

const api = backendApi

const login = loginToken

async function walletIds(token: string): Promise<Set<string>> {
  const { status, body } = await api("GET", "/store/wallet/vouchers", { token, store: true })
  expect(status).toEqual(200)
  return new Set(body.vouchers.map((v: any) => v.id))
}

/** Fails with a screenshot and what the page says, so a broken step explains itself. */


describe("meal voucher: buy, show in the wallet, redeem at the web terminal", () => {
  let browser: Browser
  let shopper: Page
  let terminal: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    shopper = await phonePage(browser)
    terminal = await phonePage(browser) // its own context: the terminal's secret stays on "its" device
    for (const p of [shopper, terminal]) p.on("pageerror", (e) => pageErrors.push(e.message))
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("buys the ¥100 voucher, redeems ¥30 at the terminal, and the wallet shows ¥70 left", async () => {
    const { storefront } = stackUrls()
    const { email, password } = demo().customer
    const customerToken = await login("customer", email, password)
    const before = await walletIds(customerToken)

    // ---- the customer logs in and buys the voucher through the UI (no shipping step)
    await step(shopper, "login", async () => {
      await logInToStorefront(shopper, storefront, email, password)
      await shopper.getByTestId("account-vouchers-link").waitFor()
    })

    await step(shopper, "add-to-cart", () => addToCart(shopper, storefront, HANDLE))

    const displayId = await step(shopper, "checkout", () => checkOutVoucherCart(shopper, storefront, email))
    expect(displayId).toBeGreaterThan(0)

    // ---- the confirmation page leads to the wallet, where the new voucher appears with ¥100 left
    const voucherId = await step(shopper, "wallet-list", async () => {
      await shopper.getByTestId("order-vouchers").waitFor()
      await shopper.getByTestId("view-vouchers").click()
      await shopper.getByTestId("wallet-page").waitFor()
      // Issuance is asynchronous; the page refreshes itself until the order's voucher is there.
      const fresh = shopper.locator('[data-testid="wallet-voucher"][data-new="true"]')
      await fresh.first().waitFor({ timeout: 30000 })
      expect(await fresh.count()).toEqual(1)
      const id = (await fresh.first().getAttribute("data-voucher-id")) as string
      expect(before.has(id)).toBe(false)
      const text = await fresh.first().innerText()
      expect(text).toContain("¥100.00 / ¥100.00")
      expect(text).toContain("金龍")
      return id
    })

    // The backend agrees: a new voucher of this customer, from this order, ¥100 of stored value.
    const { body: afterBody } = await api("GET", `/store/wallet/vouchers/${voucherId}`, { token: customerToken, store: true })
    expect(afterBody.voucher).toMatchObject({ id: voucherId, status: "active", balance: 100, face_value: 100 })
    const { body: ordersBody } = await api("GET", "/store/orders?fields=id,display_id", { token: customerToken, store: true })
    const order = ordersBody.orders.find((o: any) => o.display_id === displayId)
    expect(afterBody.voucher.order_id).toEqual(order.id)

    const code = await step(shopper, "wallet-detail", async () => {
      await shopper.locator(`[data-testid="wallet-voucher"][data-voucher-id="${voucherId}"]`).click()
      await shopper.getByTestId("voucher-detail").waitFor()
      await shopper.getByTestId("voucher-qr").waitFor()
      const grouped = (await shopper.getByTestId("voucher-code").innerText()).trim()
      expect(grouped).toMatch(/^\d{4} \d{4} \d{4}$/)
      expect((await shopper.getByTestId("voucher-balance").innerText()).trim()).toEqual("¥100.00")
      expect(await shopper.getByTestId("voucher-redemption").count()).toEqual(0)
      return grouped
    })
    expect(afterBody.voucher.code).toEqual(code.replace(/ /g, ""))

    // ---- an operator creates a terminal for Golden Dragon's store (admin API)
    const adminToken = await login("user", "admin@palmlife.dev", "palmlife")
    const { body: merchantsBody } = await api("GET", "/admin/merchants?q=Golden&limit=50", { token: adminToken })
    const merchant = (merchantsBody.merchants ?? []).find((m: any) => /Golden Dragon/.test(m.name))
    expect(merchant).toBeDefined()
    const { body: storesBody } = await api("GET", `/admin/merchants/${merchant.id}/stores`, { token: adminToken })
    const usableAt = new Set((afterBody.voucher.stores ?? []).map((s: any) => s.id))
    const stores = (storesBody.stores ?? []).filter((s: any) => s.status === "active")
    const store = stores.find((s: any) => usableAt.size === 0 || usableAt.has(s.id))
    expect(store).toBeDefined()
    const created = await api("POST", `/admin/merchants/${merchant.id}/stores/${store.id}/terminals`, {
      token: adminToken,
      body: { name: `e2e web terminal ${Date.now()}` },
    })
    expect(created.status).toEqual(201)
    const pairingCode: string = created.body.credentials.pairing_code
    expect(pairingCode).toMatch(/^\d{8}$/)

    // ---- the web terminal pairs, verifies the typed code and redeems ¥30
    await step(terminal, "pair", async () => {
      await terminal.goto(`${storefront}/merchant/terminal`)
      await terminal.getByTestId("pairing-code").waitFor()
      await terminal.getByTestId("pairing-code").fill(`${pairingCode.slice(0, 4)} ${pairingCode.slice(4)}`)
      await terminal.getByTestId("pair-submit").click()
      await terminal.getByTestId("terminal-paired").waitFor()
      expect(await terminal.getByTestId("terminal-merchant").innerText()).toContain("Golden Dragon")
      // The device keeps its secret locally, and only there.
      const stored = await terminal.evaluate(() => window.localStorage.getItem("palmlife.terminal.v1"))
      expect(JSON.parse(stored as string)).toMatchObject({ keyId: created.body.credentials.key_id, store: { id: store.id } })
    })

    await step(terminal, "verify", async () => {
      await terminal.getByTestId("terminal-code-input").fill(code) // grouped with spaces, as read out
      await terminal.getByTestId("terminal-verify").click()
      const card = terminal.getByTestId("terminal-voucher")
      await card.waitFor()
      expect(await card.getAttribute("data-redeemable")).toEqual("true")
      expect((await terminal.getByTestId("terminal-voucher-balance").innerText()).trim()).toEqual("¥100.00")
    })

    // other journeys share this stack and may have redeemed at this store today: compare with before
    const todayFen = async () => {
      const el = terminal.getByTestId("terminal-today-total")
      if (!(await el.count())) return 0
      const m = /¥([\d,]+)\.(\d{2})/.exec(await el.innerText())
      return m ? Number(m[1].replace(/,/g, "")) * 100 + Number(m[2]) : 0
    }
    const listed = terminal.waitForResponse((r) => /\/terminal\/v1\/redemptions(\?|$)/.test(r.url()) && r.request().method() === "GET")
    await terminal.getByTestId("terminal-refresh").click()
    const { redemptions } = await (await listed).json()
    const totalBefore = (redemptions as any[]).filter((r) => !r.reversed_at).reduce((sum, r) => sum + Number(r.amount), 0)

    await step(terminal, "redeem", async () => {
      await terminal.getByTestId("terminal-amount").fill("30")
      await terminal.getByTestId("terminal-redeem").click()
      const success = terminal.getByTestId("terminal-success")
      await success.waitFor()
      const text = await success.innerText()
      expect(text).toContain("¥30.00")
      expect(text).toContain("¥70.00")
      const row = terminal.getByTestId("terminal-redemption-row").filter({ hasText: "¥30.00" })
      await row.first().waitFor()
      await row.first().getByTestId("terminal-reverse").waitFor() // reversible within 30 minutes
      let shown = await todayFen()
      for (let i = 0; i < 50 && shown !== totalBefore + 3000; i++) {
        await terminal.waitForTimeout(100)
        shown = await todayFen()
      }
      expect(shown).toEqual(totalBefore + 3000)
    })

    // ---- back in the wallet: ¥70 left and one redemption
    await step(shopper, "wallet-after", async () => {
      await shopper.reload()
      await shopper.getByTestId("voucher-detail").waitFor()
      expect((await shopper.getByTestId("voucher-balance").innerText()).trim()).toEqual("¥70.00")
      const redemptions = shopper.getByTestId("voucher-redemption")
      expect(await redemptions.count()).toEqual(1)
      expect(await redemptions.first().innerText()).toContain("¥30.00")
      await shopper.goto(`${storefront}/account/vouchers`)
      const card = shopper.locator(`[data-testid="wallet-voucher"][data-voucher-id="${voucherId}"]`)
      await card.waitFor()
      expect(await card.innerText()).toContain("¥70.00 / ¥100.00")
    })

    const { body: finalBody } = await api("GET", `/store/wallet/vouchers/${voucherId}`, { token: customerToken, store: true })
    expect(finalBody.voucher).toMatchObject({ status: "partially_redeemed", balance: 70, face_value: 100 })
    expect(finalBody.voucher.redemptions).toHaveLength(1)
    expect(finalBody.voucher.redemptions[0]).toMatchObject({ amount: 30, reversed_at: null })
    expect(pageErrors).toEqual([])
  })
})
