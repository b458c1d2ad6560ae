import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { backendApi, loginToken } from "../support/e2e-api"
import { addToCart, checkOutVoucherCart, logInToStorefront, step } from "../support/storefront-journeys"

// Refunds in Chromium: the demo customer buys Golden Dragon's ¥100 voucher (¥88), opens it under
// My vouchers, refunds it (the confirm step says ¥88.00 goes back), sees "已退款 ¥88.00" and the
// status refunded; a second tab that still offered the refund gets a readable refusal; the order
// page lists the voucher as refunded; the backend agrees (refunded, balance 0).

jest.setTimeout(240 * 1000)

const HANDLE = "golden-dragon-100-voucher"
const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)

const api = backendApi

const login = (email: string, password: string) => loginToken("customer", email, password)

/** Fails with a screenshot and what the page says, so a broken step explains itself. */

/** E2E_SHOT_DIR=/some/dir keeps 375 px pictures of the refund steps for a human to look at. */
async function keepShot(page: Page, name: string) {
  const dir = process.env.E2E_SHOT_DIR
  if (dir) await page.screenshot({ path: path.join(dir, `voucher-refund-${name}.png`), fullPage: true })
}


describe("voucher refund from the storefront", () => {
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

  it("buys the ¥100 voucher for ¥88, refunds it from its page and gets ¥88.00 back", async () => {
    const { storefront } = stackUrls()
    const { email, password } = demo().customer
    const token = await login(email, password)
    const { body: beforeBody } = await api("GET", "/store/wallet/vouchers", { token, store: true })
    const before = new Set<string>(beforeBody.vouchers.map((v: any) => v.id))

    // The seeded gift vouchers came with no order: the backend refuses, the page offers nothing.
    const gift = beforeBody.vouchers.find((v: any) => !v.order_id && (v.status === "active" || v.status === "partially_redeemed"))
    if (gift) {
      const refused = await api("POST", `/store/wallet/vouchers/${gift.id}/refund`, { token, store: true, body: {} })
      expect(refused.status).toEqual(400)
      expect(refused.body.type).toEqual("not_allowed")
    }

    await step(shopper, "login", async () => {
      await logInToStorefront(shopper, storefront, email, password)
    })

    if (gift) {
      await step(shopper, "gift-voucher", async () => {
        await shopper.goto(`${storefront}/account/vouchers/${gift.id}`)
        await shopper.getByTestId("voucher-detail").waitFor()
        expect(await shopper.getByTestId("voucher-refund").count()).toEqual(0)
      })
    }

    await step(shopper, "add-to-cart", () => addToCart(shopper, storefront, HANDLE))

    const displayId = await step(shopper, "checkout", () => checkOutVoucherCart(shopper, storefront, email))
    expect(displayId).toBeGreaterThan(0)

    const voucherId = await step(shopper, "wallet-list", async () => {
      await shopper.getByTestId("view-vouchers").click()
      await shopper.getByTestId("wallet-page").waitFor()
      const fresh = shopper.locator('[data-testid="wallet-voucher"][data-new="true"]')
      await fresh.first().waitFor({ timeout: 30000 })
      expect(await fresh.count()).toEqual(1)
      const id = (await fresh.first().getAttribute("data-voucher-id")) as string
      expect(before.has(id)).toBe(false)
      await fresh.first().click()
      await shopper.getByTestId("voucher-detail").waitFor()
      expect(await shopper.getByTestId("voucher-detail").getAttribute("data-voucher-id")).toEqual(id)
      return id
    })

    const { body: ordersBody } = await api("GET", "/store/orders?fields=id,display_id", { token, store: true })
    const orderId: string = ordersBody.orders.find((o: any) => o.display_id === displayId).id

    // A second tab still showing the refund button: it will try after the refund went through.
    const stale = await shopper.context().newPage()
    stale.on("pageerror", (e) => pageErrors.push(e.message))
    await step(stale, "stale-tab", async () => {
      await stale.goto(`${storefront}/account/vouchers/${voucherId}`)
      await stale.getByTestId("voucher-refund").click()
      await stale.getByTestId("voucher-refund-confirm").waitFor()
    })

    await step(shopper, "refund", async () => {
      expect(await shopper.getByTestId("voucher-status").getAttribute("data-status")).toEqual("active")
      await shopper.getByTestId("voucher-refund").click()
      const estimate = shopper.getByTestId("voucher-refund-estimate")
      await estimate.waitFor()
      expect((await estimate.innerText()).trim()).toEqual("退回 ¥88.00 到原支付方式")
      await keepShot(shopper, "confirm")
      await shopper.getByTestId("voucher-refund-confirm").click()
      const result = shopper.getByTestId("voucher-refund-result")
      await result.waitFor({ timeout: 30000 })
      expect(await result.innerText()).toContain("已退款 ¥88.00")
      await shopper.locator('[data-testid="voucher-status"][data-status="refunded"]').waitFor()
      await keepShot(shopper, "result")
      expect(await shopper.getByTestId("voucher-refund").count()).toEqual(0)
      // And after a reload, straight from the backend.
      await shopper.reload()
      await shopper.getByTestId("voucher-detail").waitFor()
      expect(await shopper.getByTestId("voucher-status").getAttribute("data-status")).toEqual("refunded")
      expect((await shopper.getByTestId("voucher-balance").innerText()).trim()).toEqual("¥0.00")
      expect(await shopper.getByTestId("voucher-refund").count()).toEqual(0)
    })

    await step(stale, "refused", async () => {
      await stale.getByTestId("voucher-refund-confirm").click()
      const error = stale.getByTestId("voucher-refund-error")
      await error.waitFor({ timeout: 30000 })
      expect(await error.innerText()).toContain("不能再退款")
      await keepShot(stale, "refused")
      await stale.locator('[data-testid="voucher-status"][data-status="refunded"]').waitFor()
    })

    await step(shopper, "order-page", async () => {
      await shopper.goto(`${storefront}/account/orders/${orderId}`)
      await shopper.getByTestId("order-voucher-list").waitFor()
      const row = shopper.locator(`[data-testid="order-voucher"][data-voucher-id="${voucherId}"]`)
      await row.waitFor()
      expect(await row.getAttribute("data-status")).toEqual("refunded")
      await keepShot(shopper, "order")
      await row.click()
      await shopper.getByTestId("voucher-detail").waitFor()
      expect(await shopper.getByTestId("voucher-detail").getAttribute("data-voucher-id")).toEqual(voucherId)
    })

    const { status, body } = await api("GET", `/store/wallet/vouchers/${voucherId}`, { token, store: true })
    expect(status).toEqual(200)
    expect(body.voucher).toMatchObject({ id: voucherId, status: "refunded", balance: 0, order_id: orderId })
    const again = await api("POST", `/store/wallet/vouchers/${voucherId}/refund`, { token, store: true, body: {} })
    expect(again.status).toEqual(400)
    expect(pageErrors).toEqual([])
  })
})
