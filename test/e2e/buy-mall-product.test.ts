import os from "node:os"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { fillIfEmpty, logInToStorefront } from "../support/storefront-journeys"

jest.setTimeout(180 * 1000)

const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)

async function storeApi(path: string, token?: string) {
  const { backend, publishableKey } = stackUrls()
  const res = await fetch(`${backend}${path}`, {
    headers: {
      "x-publishable-api-key": publishableKey,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  })
  return { status: res.status, body: (await res.json()) as any }
}

async function customerToken(): Promise<string> {
  const { backend } = stackUrls()
  const { email, password } = demo().customer
  const res = await fetch(`${backend}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  return ((await res.json()) as any).token
}


describe("storefront: a demo customer buys a mall product", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await phonePage(browser)
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("shows the four scenes on the home page", async () => {
    await page.goto(stackUrls().storefront)
    for (const scene of ["meal", "movie", "mall", "travel"]) {
      await expect(page.getByTestId(`scene-${scene}`).isVisible()).resolves.toBe(true)
    }
  })

  it("answers an unknown product or scene with a real 404 page", async () => {
    const { storefront } = stackUrls()
    for (const url of [`${storefront}/p/no-such-product`, `${storefront}/c/no-such-scene`]) {
      const res = await page.goto(url)
      expect([url, res?.status()]).toEqual([url, 404])
      await page.getByTestId("not-found").waitFor()
    }
  })

  it("checks out a mall product and finds the order on the account page", async () => {
    const { storefront } = stackUrls()
    const { email, password } = demo().customer

    await logInToStorefront(page, storefront, email, password)

    await page.goto(`${storefront}/c/mall`)
    const card = page.getByTestId("product-card").first()
    await card.waitFor()
    await card.click()
    await page.waitForURL(/\/p\//)
    const handle = new URL(page.url()).pathname.split("/").pop() as string
    const chosen = page.locator('[data-testid="option-value"][aria-pressed="true"]')
    if ((await chosen.count()) === 0) await page.getByTestId("option-value").first().click()
    await page.getByTestId("add-to-cart").click()
    await page.getByTestId("added-to-cart").waitFor()

    await page.goto(`${storefront}/cart`)
    await expect(page.getByTestId("cart-item").count()).resolves.toBe(1)
    await page.getByTestId("checkout-link").click()
    await page.waitForURL(/\/checkout/)
    await page.waitForLoadState("networkidle") // the form is interactive once hydrated

    await fillIfEmpty(page, "email", email)
    await fillIfEmpty(page, "first_name", "演示")
    await fillIfEmpty(page, "last_name", "用户")
    await fillIfEmpty(page, "phone", "13800138000")
    await fillIfEmpty(page, "address_1", "南京西路 1266 号")
    await fillIfEmpty(page, "city", "上海")
    await fillIfEmpty(page, "province", "上海")
    await fillIfEmpty(page, "postal_code", "200040")
    await page.getByTestId("shipping-option").first().check()
    await page.getByTestId("place-order").click()

    await page.getByTestId("order-confirmed").waitFor({ timeout: 60000 }).catch(async (err) => {
      const shot = path.join(os.tmpdir(), `palmlife-e2e-checkout-${Date.now()}.png`)
      await page.screenshot({ path: shot, fullPage: true })
      const errors = await page.locator('[data-testid="checkout-error"], [data-testid^="error-"]').allInnerTexts()
      throw new Error(`no confirmation at ${page.url()}; errors on page: ${JSON.stringify(errors)}; screenshot ${shot}\n${err.message}`)
    })
    const shown = (await page.getByTestId("order-display-id").innerText()).trim()
    const displayId = Number(shown.replace(/[^0-9]/g, ""))
    expect(displayId).toBeGreaterThan(0)

    // The order exists for this customer in the backend, with the product bought in the UI.
    const token = await customerToken()
    const { body } = await storeApi("/store/orders?fields=id,display_id,*items", token)
    const order = body.orders.find((o: any) => o.display_id === displayId)
    expect(order).toBeDefined()
    expect(order.items.map((i: any) => i.product_handle)).toContain(handle)

    await page.goto(`${storefront}/account`)
    const rows = page.getByTestId("order-row")
    await rows.first().waitFor()
    const texts = await rows.allInnerTexts()
    expect(texts.some((t) => t.includes(`#${displayId}`))).toBe(true)
  })
})
