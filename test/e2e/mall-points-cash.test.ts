import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { backendApi as api, loginToken } from "../support/e2e-api"
import { addToCart, fillIfEmpty, logInToStorefront, step, storefrontCartId, waitForText } from "../support/storefront-journeys"

// The mall's points-plus-cash journey in Chromium: the demo customer sees the insulated bottle at
// "¥59 + 2,000 points", buys one (the checkout applies the 2,000 points by itself, cash pays ¥59 and
// the shipping), finds the points taken on the order page and follows the parcel there while an
// operator fulfils, ships (with a tracking number) and delivers it through Medusa's order routes.

jest.setTimeout(300 * 1000)

const HANDLE = "palmlife-insulated-bottle"
const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)
const points = (n: number) => new Intl.NumberFormat("zh-CN").format(n)

/** E2E_SHOT_DIR=/some/dir keeps 375 px pictures of the steps for a human to look at. */
async function keepShot(page: Page, name: string) {
  const dir = process.env.E2E_SHOT_DIR
  if (dir) await page.screenshot({ path: path.join(dir, `mall-points-cash-${name}.png`), fullPage: true })
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe("mall: buy a points-plus-cash product and follow its delivery", () => {
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

  it("pays ¥59 + 2,000 points for the bottle, sees the points taken and the order go from awaiting shipment to shipped (tracking number) to delivered", async () => {
    const { storefront } = stackUrls()
    const { email, password } = demo().customer
    const token = await loginToken("customer", email, password)
    const adminToken = await loginToken("user", demo().admin.email, demo().admin.password)
    const balance = async () => (await api("GET", "/store/rights", { token, store: true })).body.points.balance as number
    const balanceBefore = await balance()
    expect(balanceBefore).toBeGreaterThanOrEqual(2000)

    await step(shopper, "login", () => logInToStorefront(shopper, storefront, email, password))
    await step(shopper, "product-price", async () => {
      await shopper.goto(`${storefront}/p/${HANDLE}`)
      await shopper.getByTestId("product-page").waitFor()
      const price = shopper.locator('.buy-bar [data-testid="product-price"]')
      expect(await price.getAttribute("data-points")).toEqual("2000")
      expect((await price.innerText()).trim()).toEqual(`¥59.00 + ${points(2000)} 积分`)
      await shopper.getByTestId("points-price-hint").waitFor()
      await keepShot(shopper, "product")
    })
    await step(shopper, "add-to-cart", () => addToCart(shopper, storefront, HANDLE))
    await step(shopper, "cart", async () => {
      await shopper.goto(`${storefront}/cart`)
      const items = shopper.getByTestId("cart-item")
      await items.first().waitFor()
      expect(await items.count()).toEqual(1)
      expect(await shopper.getByTestId("cart-item-unit").first().getAttribute("data-points")).toEqual("2000")
    })

    await step(shopper, "checkout", async () => {
      await shopper.getByTestId("checkout-link").click()
      await shopper.waitForURL(/\/checkout/)
      await shopper.waitForLoadState("networkidle")
      await fillIfEmpty(shopper, "email", email)
      await fillIfEmpty(shopper, "first_name", "演示")
      await fillIfEmpty(shopper, "last_name", "用户")
      await fillIfEmpty(shopper, "phone", "13800138000")
      await fillIfEmpty(shopper, "address_1", "南京西路 1266 号")
      await fillIfEmpty(shopper, "city", "上海")
      await fillIfEmpty(shopper, "province", "上海")
      await fillIfEmpty(shopper, "postal_code", "200040")
      await shopper.getByTestId("shipping-option").first().check()
    })
    const cartId = await storefrontCartId(shopper)
    await step(shopper, "rights-applied-for-the-shopper", async () => {
      await shopper.locator('[data-testid="rights-min"][data-min="2000"]').waitFor()
      // the checkout applies the bottle's 2,000 points itself; the server planned them
      await shopper.locator('[data-testid="rights-points-value"][data-points="2000"]').waitFor()
      await waitForText(shopper, "rights-points-value", "−¥20.00")
      const { body } = await api("GET", `/store/carts/${cartId}/rights`, { token, store: true })
      expect(body.rights).toMatchObject({ points_applied: 2000, points_value: 20 })
      expect(body.points).toMatchObject({ min_for_cart: 2000, max_for_cart: 2000 })
      await keepShot(shopper, "checkout")
    })

    let orderId = ""
    await step(shopper, "place-order", async () => {
      await shopper.getByTestId("place-order").click()
      await shopper.getByTestId("order-confirmed").waitFor({ timeout: 60000 })
      const displayId = Number((await shopper.getByTestId("order-display-id").innerText()).replace(/[^0-9]/g, ""))
      const { body } = await api("GET", "/store/orders?fields=id,display_id,total,shipping_total,credit_line_total,*items", { token, store: true })
      const order = body.orders.find((o: any) => o.display_id === displayId)
      orderId = order.id
      expect(order.items.map((i: any) => [i.product_handle, i.quantity, Number(i.unit_price)])).toEqual([[HANDLE, 1, 79]])
      // ¥79 = ¥59 cash + 2,000 points (¥20 credit line); shipping is cash
      expect([Number(order.credit_line_total), Number(order.total)]).toEqual([20, 59 + Number(order.shipping_total)])
      await shopper.locator('[data-testid="order-tracking"][data-state="awaiting_shipment"]').waitFor()
      await waitForText(shopper, "order-tracking-state", "待发货")
      await keepShot(shopper, "confirmed")
    })

    await step(shopper, "points-taken", async () => {
      // 2,000 burned; points earned on the cash arrive with order.placed
      const after = await until("the burn", async () => {
        const b = await balance()
        return b <= balanceBefore - 2000 + 100 ? b : undefined
      })
      expect(balanceBefore - after).toBeGreaterThanOrEqual(2000 - 100)
      await shopper.goto(`${storefront}/account/orders/${orderId}`)
      await shopper.locator('[data-testid="order-points-used"][data-points="2000"]').waitFor()
    })

    const adminPost = async (url: string, body: unknown) => {
      const res = await api("POST", url, { token: adminToken, body })
      if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body
    }
    const { body: detail } = await api("GET", `/admin/orders/${orderId}?fields=id,*items`, { token: adminToken })
    const line = detail.order.items[0]
    await adminPost(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: line.id, quantity: 1 }] })
    const { body: withParcel } = await api("GET", `/admin/orders/${orderId}?fields=id,*fulfillments`, { token: adminToken })
    const fid = withParcel.order.fulfillments[0].id
    await step(shopper, "awaiting-shipment-after-fulfilment", async () => {
      await shopper.reload()
      await shopper.locator('[data-testid="order-tracking"][data-state="awaiting_shipment"]').waitFor()
    })
    await adminPost(`/admin/orders/${orderId}/fulfillments/${fid}/shipments`, { items: [{ id: line.id, quantity: 1 }], labels: [{ tracking_number: "SF1029384756", tracking_url: "https://www.sf-express.com/", label_url: "#" }] })
    await step(shopper, "shipped", async () => {
      await shopper.reload()
      await shopper.locator('[data-testid="order-tracking"][data-state="shipped"]').waitFor()
      await waitForText(shopper, "order-tracking-state", "已发货")
      await waitForText(shopper, "order-tracking-number", "SF1029384756")
      await keepShot(shopper, "shipped")
    })
    await adminPost(`/admin/orders/${orderId}/fulfillments/${fid}/mark-as-delivered`, {})
    await step(shopper, "delivered", async () => {
      await shopper.reload()
      await shopper.locator('[data-testid="order-tracking"][data-state="delivered"]').waitFor()
      await waitForText(shopper, "order-tracking-state", "已送达")
      await keepShot(shopper, "delivered")
    })
    expect(pageErrors).toEqual([])
  })
})
