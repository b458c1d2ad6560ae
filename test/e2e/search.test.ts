import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"

jest.setTimeout(180 * 1000)

describe("storefront: search that understands Chinese", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await phonePage(browser)
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("searches from the header box, as you type, in either script, with highlights, facets and filters", async () => {
    const { storefront } = stackUrls()
    await page.goto(storefront)
    // the header box is a plain form: the simplified query finds the traditional title
    await page.getByTestId("header-search").locator("input").fill("金龙")
    await page.getByTestId("header-search").locator("input").press("Enter")
    await page.waitForURL(/\/search\?q=/)
    await page.getByTestId("search-hit").first().waitFor()
    const first = page.getByTestId("search-hit").first()
    await expect(first.locator("mark").first().textContent()).resolves.toEqual("金龍")

    // as you type: no submit, the results follow the input
    const input = page.getByTestId("search-input")
    await input.fill("火鍋")
    await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=search-hit] mark")].some((m) => m.textContent === "火鍋"))
    const titles = await page.getByTestId("search-hit").allTextContents()
    expect(titles.some((t) => t.includes("蜀香園"))).toBe(true)
    expect(page.url()).toContain(`q=${encodeURIComponent("火鍋")}`)

    // a scene facet narrows the list and shows counts
    await input.fill("券")
    await page.getByTestId("facet-scene-meal").waitFor()
    await page.waitForFunction(() => !document.querySelector("[data-testid=facet-scene-meal]")?.hasAttribute("disabled"))
    const mealCount = Number((await page.getByTestId("facet-scene-meal").locator("span").textContent()) ?? "0")
    expect(mealCount).toBeGreaterThan(0)
    await page.getByTestId("facet-scene-meal").click()
    await page.waitForURL(/scene=meal/)
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=search-hit]").length === n, mealCount)

    // sort by price: ascending prices
    await page.getByTestId("search-sort").selectOption("price")
    await page.waitForURL(/sort=price/)
    await page.waitForTimeout(600)
    const prices = (await page.getByTestId("search-hit").allTextContents()).map((t) => Number(/¥\s?([\d,.]+)\s*$/.exec(t)?.[1]?.replace(/,/g, "")))
    expect(prices.filter(Number.isFinite)).toEqual([...prices].filter(Number.isFinite).sort((a, b) => a - b))
  })

  it("remembers this device's searches and shows them with the hot searches on an empty search page", async () => {
    const { storefront } = stackUrls()
    await page.goto(`${storefront}/search`)
    const input = page.getByTestId("search-input")
    await input.fill("三亞")
    await input.press("Enter")
    await page.getByTestId("search-hit").first().waitFor()
    await page.waitForTimeout(500)
    await page.goto(`${storefront}/search`)
    await page.getByTestId("search-recent").waitFor()
    await expect(page.getByTestId("search-recent").textContent()).resolves.toContain("三亞")
    await expect(page.getByTestId("search-hot").textContent()).resolves.toContain("三亞")
    // a narrow phone shows the page without sideways scrolling
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
  })
})
