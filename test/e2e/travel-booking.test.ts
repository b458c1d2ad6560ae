import crypto from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { backendApi, loginToken } from "../support/e2e-api"
import { fillIfEmpty, logInToStorefront, step } from "../support/storefront-journeys"

// A family books a tour in Chromium at 375 px: the departure calendar, 2 adults and 1 child with
// validated traveller details, payment, and three travel vouchers in the wallet that show the
// departure day and the traveller (document number masked).

jest.setTimeout(300 * 1000)

const HANDLE = "guilin-yangshuo-4d3n"
const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A valid resident ID number; a random sequence keeps reruns on the shared stack apart. */
function idCard(birth: string) {
  const first17 = `330106${birth}${String(crypto.randomInt(0, 1000)).padStart(3, "0")}`
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * WEIGHTS[i], 0)
  return first17 + "10X98765432"[sum % 11]
}

async function fillTraveller(page: Page, index: number, t: { name: string; id: string; phone: string }) {
  const form = page.getByTestId("travel-traveller").nth(index)
  await form.getByTestId("traveller-name").fill(t.name)
  await form.getByTestId("traveller-id-number").fill(t.id)
  await form.getByTestId("traveller-phone").fill(t.phone)
}

describe("travel: book a package for 2 adults and 1 child and find the vouchers in the wallet", () => {
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await phonePage(browser)
    page.on("pageerror", (e) => pageErrors.push(e.message))
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("calendar → travellers → cart → pay → wallet", async () => {
    const { storefront } = stackUrls()
    const { email, password } = demo().customer
    const token = await loginToken("customer", email, password)
    const before = new Set(((await backendApi("GET", "/store/wallet/vouchers", { token, store: true })).body.vouchers ?? []).map((v: any) => v.id))
    const party = [
      { name: "王芳", id: idCard("19850312"), phone: "13800138001" },
      { name: "陳明", id: idCard("19830709"), phone: "13800138002" },
      { name: "陳小寶", id: idCard("20170521"), phone: "13800138001" },
    ]

    await step(page, "login", () => logInToStorefront(page, storefront, email, password))

    const date = await step(page, "package", async () => {
      await page.goto(`${storefront}/travel`)
      await page.getByTestId("travel-page").waitFor()
      await page.locator(`a[href="/travel/${HANDLE}"]`).first().click()
      await page.getByTestId("travel-package").waitFor()
      await page.waitForLoadState("networkidle")
      // 375 px: nothing wider than the screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
      const day = page.locator('[data-testid="travel-date"]:not([disabled])').nth(5)
      const picked = (await day.getAttribute("data-date")) as string
      await day.click()
      await page.getByTestId("travel-selected").waitFor()
      await page.getByTestId("travel-child-plus").click()
      expect(await page.getByTestId("travel-traveller").count()).toEqual(3)
      return picked
    })

    await step(page, "validation", async () => {
      await fillTraveller(page, 0, party[0])
      await fillTraveller(page, 1, { ...party[1], id: party[1].id.slice(0, 17) + (party[1].id[17] === "1" ? "2" : "1") })
      await fillTraveller(page, 2, party[2])
      await page.getByTestId("travel-book").click()
      // the typo in the check character is caught before anything is held
      await page.getByTestId("travel-traveller").nth(1).getByTestId("traveller-error-id_number").waitFor()
      expect(await page.getByTestId("travel-traveller").nth(0).locator(".field-error").count()).toEqual(0)
      await fillTraveller(page, 1, party[1])
    })

    await step(page, "hold", async () => {
      await page.getByTestId("travel-book").click()
      await page.getByTestId("travel-go-cart").waitFor({ timeout: 30000 })
      await page.getByTestId("travel-go-cart").click()
      await page.waitForURL(/\/cart/)
      await page.getByTestId("cart-item").first().waitFor()
      expect(await page.getByTestId("cart-item").count()).toEqual(3)
      const text = await page.locator("body").innerText()
      expect(text).toContain(date)
    })

    const orderText = await step(page, "checkout", async () => {
      await page.getByTestId("checkout-link").click()
      await page.waitForURL(/\/checkout/)
      await page.waitForLoadState("networkidle")
      await page.getByTestId("no-shipping-needed").waitFor()
      await fillIfEmpty(page, "email", email)
      await fillIfEmpty(page, "last_name", "王")
      await fillIfEmpty(page, "first_name", "芳")
      await fillIfEmpty(page, "phone", "13800138001")
      await page.getByTestId("place-order").click()
      await page.getByTestId("order-confirmed").waitFor({ timeout: 60000 })
      return page.locator("body").innerText()
    })
    expect(orderText).toBeTruthy()

    const ids = await step(page, "wallet", async () => {
      await page.goto(`${storefront}/account/vouchers`)
      await page.getByTestId("wallet-page").waitFor()
      let fresh: string[] = []
      for (let i = 0; i < 30 && fresh.length < 3; i++) {
        const { body } = await backendApi("GET", "/store/wallet/vouchers", { token, store: true })
        fresh = body.vouchers.filter((v: any) => !before.has(v.id) && v.kind === "travel").map((v: any) => v.id)
        if (fresh.length < 3) await new Promise((r) => setTimeout(r, 1000))
      }
      expect(fresh).toHaveLength(3)
      await page.reload()
      await page.locator(`[data-testid="wallet-voucher"][data-voucher-id="${fresh[0]}"]`).waitFor({ timeout: 30000 })
      return fresh
    })

    await step(page, "voucher", async () => {
      await page.goto(`${storefront}/account/vouchers/${ids[0]}`)
      await page.getByTestId("voucher-detail").waitFor()
      await page.getByTestId("travel-voucher-details").waitFor()
      const who = await page.getByTestId("travel-voucher-traveller").innerText()
      expect(party.some((p) => who.includes(p.name))).toBe(true)
      const body = await page.locator("body").innerText()
      // the document number is shown masked, never whole
      expect(party.some((p) => body.includes(p.id))).toBe(false)
      expect(body).toMatch(/330106\*{8}/)
      await page.getByTestId("voucher-code").waitFor()
    })

    // the backend agrees: three places of this departure, one per traveller
    const details = await Promise.all(ids.map(async (id) => (await backendApi("GET", `/store/wallet/vouchers/${id}`, { token, store: true })).body.voucher.details))
    expect(details.map((d: any) => d.departure.date)).toEqual([date, date, date])
    expect(details.map((d: any) => d.traveller.type).sort()).toEqual(["adult", "adult", "child"])
    expect(pageErrors).toEqual([])
  })
})
