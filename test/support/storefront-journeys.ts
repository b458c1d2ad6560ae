import os from "node:os"
import path from "node:path"
import type { Page } from "playwright-core"

/** Runs one step of a journey; on failure, says where it was, what the page alerted and saves a screenshot. */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err: any) {
    const shot = path.join(os.tmpdir(), `palmlife-e2e-${name}-${Date.now()}.png`)
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined)
    const alerts = await page.locator('[role="alert"], [data-testid="error-state"]').allInnerTexts().catch(() => [])
    throw new Error(`step "${name}" failed at ${page.url()}; alerts: ${JSON.stringify(alerts)}; screenshot ${shot}\n${err?.message ?? err}`)
  }
}

export async function fillIfEmpty(page: Page, name: string, value: string) {
  const input = page.locator(`form [name="${name}"]`).first()
  if ((await input.count()) && (await input.isVisible()) && !(await input.inputValue())) await input.fill(value)
}

export async function logInToStorefront(page: Page, storefront: string, email: string, password: string) {
  await page.goto(`${storefront}/account/login`)
  await page.locator('form [name="email"]').fill(email)
  await page.locator('form [name="password"]').fill(password)
  await page.getByTestId("login-submit").click()
  await page.waitForURL((url) => !url.pathname.startsWith("/account/login"))
  await page.getByTestId("account-greeting").waitFor()
}

export async function addToCart(page: Page, storefront: string, handle: string) {
  await page.goto(`${storefront}/p/${handle}`)
  await page.getByTestId("product-page").waitFor()
  await page.waitForLoadState("networkidle") // the buy bar is interactive once hydrated
  const chosen = page.locator('[data-testid="option-value"][aria-pressed="true"]')
  const options = page.getByTestId("option-value")
  if ((await options.count()) > 0 && (await chosen.count()) === 0) await options.first().click()
  await page.getByTestId("add-to-cart").click()
  await page.getByTestId("added-to-cart").waitFor()
}

/** Checks out a cart holding one voucher line: no shipping step; returns the order's display id. */
export async function checkOutVoucherCart(page: Page, storefront: string, email: string): Promise<number> {
  await page.goto(`${storefront}/cart`)
  const items = page.getByTestId("cart-item")
  await items.first().waitFor()
  // only the voucher: a leftover mall item would bring a shipping step back
  if ((await items.count()) !== 1) throw new Error(`expected one cart line, found ${await items.count()}`)
  await page.getByTestId("checkout-link").click()
  await page.waitForURL(/\/checkout/)
  await page.waitForLoadState("networkidle")
  await page.getByTestId("no-shipping-needed").waitFor()
  if (await page.getByTestId("shipping-option").count()) throw new Error("a voucher-only cart offered shipping options")
  await fillIfEmpty(page, "email", email)
  await fillIfEmpty(page, "last_name", "演示")
  await fillIfEmpty(page, "first_name", "用户")
  await fillIfEmpty(page, "phone", "13800138000")
  await page.getByTestId("place-order").click()
  await page.getByTestId("order-confirmed").waitFor({ timeout: 60000 })
  return Number((await page.getByTestId("order-display-id").innerText()).replace(/[^0-9]/g, ""))
}

/** Cart → checkout for a one-line voucher cart, contact person filled in; leaves the page on /checkout. */
export async function openVoucherCheckout(page: Page, storefront: string, email: string) {
  await page.goto(`${storefront}/cart`)
  const items = page.getByTestId("cart-item")
  await items.first().waitFor()
  if ((await items.count()) !== 1) throw new Error(`expected one cart line, found ${await items.count()}`)
  await page.getByTestId("checkout-link").click()
  await page.waitForURL(/\/checkout/)
  await page.waitForLoadState("networkidle")
  await page.getByTestId("no-shipping-needed").waitFor()
  await fillIfEmpty(page, "email", email)
  await fillIfEmpty(page, "last_name", "演示")
  await fillIfEmpty(page, "first_name", "用户")
  await fillIfEmpty(page, "phone", "13800138000")
}

/** The storefront's cart id (its httpOnly cookie), for checking the page against the backend. */
export async function storefrontCartId(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "pl_cart_id")
  if (!cookie?.value) throw new Error("the storefront has no cart cookie")
  return cookie.value
}

/** Waits until an element's text, trimmed, is exactly `text` (the server answered and React rendered it). */
export async function waitForText(page: Page, testId: string, text: string, timeout = 30000) {
  const locator = page.getByTestId(testId)
  try {
    await page.waitForFunction(
      ([id, want]) => [...document.querySelectorAll(`[data-testid="${id}"]`)].some((el) => (el.textContent ?? "").trim() === want),
      [testId, text] as const,
      { timeout }
    )
  } catch (err: any) {
    const now = await locator.allInnerTexts().catch(() => [])
    throw new Error(`[data-testid="${testId}"] never read ${JSON.stringify(text)}; it reads ${JSON.stringify(now)}\n${err?.message ?? err}`)
  }
}

/** Fills the checkout's card form (the card goes to the card host, never to our server). */
export async function fillCard(page: Page, number: string, expiry = "12/34", cvc = "123") {
  await page.getByTestId("card-form").waitFor()
  await page.getByTestId("card-number").fill(number)
  await page.getByTestId("card-expiry").fill(expiry)
  await page.getByTestId("card-cvc").fill(cvc)
}
