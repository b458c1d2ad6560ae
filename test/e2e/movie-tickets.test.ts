import type { Browser, Page } from "playwright-core"
import { TerminalClient } from "@palmlife/terminal-client"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { backendApi as api, loginToken as login } from "../support/e2e-api"
import { fillIfEmpty, logInToStorefront, step } from "../support/storefront-journeys"

// Movie night in Chromium on a phone: the demo customer opens a showtime starting within the hour,
// picks two seats in the seat picker, pays, finds both e-tickets (film, hall, seat) in My vouchers,
// and the cinema's ticket gate checks one in through the terminal API.

jest.setTimeout(300 * 1000)

const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)

describe("movie tickets: pick two seats, pay, e-ticket in the wallet, check in at the gate", () => {
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

  it("sells two seats of a showtime and checks a ticket in at the cinema", async () => {
    const { storefront, backend } = stackUrls()
    const { email, password } = demo().customer
    const adminToken = await login("user", demo().admin.email, demo().admin.password)

    // ---- an operator schedules a showtime 60 minutes from now in a small hall of its own
    const { body: cinemas } = await api("GET", "/admin/cinemas", { token: adminToken })
    const cinema = cinemas.cinemas.find((c: any) => c.halls.some((h: any) => h.name === "1號廳 Hall 1"))
    const hall = await api("POST", `/admin/cinemas/${cinema.id}/halls`, { token: adminToken, body: { name: `e2e hall ${Date.now()}`, cleaning_minutes: 10 } })
    expect(hall.status).toEqual(201)
    const layout = ["A", "B"].flatMap((row, y) => [1, 2, 3, 4].map((n) => ({ row_label: row, number: n, type: "standard", x: n - 1, y })))
    expect((await api("POST", `/admin/halls/${hall.body.hall.id}/seats`, { token: adminToken, body: { rows: 2, cols: 4, seats: layout } })).status).toEqual(200)
    const { body: films } = await api("GET", "/admin/films", { token: adminToken })
    const film = films.films[0]
    const startsAt = new Date(Date.now() + 60 * 60_000)
    const scheduled = await api("POST", "/admin/showtimes", {
      token: adminToken,
      body: { film_id: film.id, hall_id: hall.body.hall.id, starts_at: startsAt.toISOString(), format: "2D", language: "國語", prices: { standard: 42, vip: 60, couple: 50 } },
    })
    expect(scheduled.status).toEqual(201)
    const showtimeId = scheduled.body.showtime.id

    await step(page, "login", () => logInToStorefront(page, storefront, email, password))

    // ---- the films list leads to the film page; the showtime is listed today
    await step(page, "films", async () => {
      await page.goto(`${storefront}/movies`)
      await page.getByTestId("films-page").waitFor()
      expect(await page.getByTestId("film-card").count()).toBeGreaterThanOrEqual(6)
      await page.goto(`${storefront}/movies/${film.id}`)
      await page.getByTestId("film-page").waitFor()
      await page.locator(`a[href="/movies/showtimes/${showtimeId}"]`).first().waitFor()
    })

    // ---- pick B2 and B3 and hold them
    await step(page, "seats", async () => {
      await page.locator(`a[href="/movies/showtimes/${showtimeId}"]`).first().click()
      await page.getByTestId("seat-picker").waitFor()
      await page.waitForLoadState("networkidle")
      await page.locator('[data-seat="B2"]').click()
      await page.locator('[data-seat="B3"]').click()
      expect(await page.locator('.seat[aria-pressed="true"]').count()).toEqual(2)
      expect(await page.getByTestId("picked-seats").innerText()).toContain("¥42")
      await page.getByTestId("hold-seats").click()
      await page.getByTestId("go-to-cart").waitFor({ timeout: 30000 })
    })
    const { body: map } = await api("GET", `/store/showtimes/${showtimeId}/seats`, { store: true })
    expect(map.seats.filter((s: any) => s.status === "held").map((s: any) => `${s.row}${s.number}`).sort()).toEqual(["B2", "B3"])

    // ---- cart → checkout → order
    await step(page, "checkout", async () => {
      await page.getByTestId("go-to-cart").click()
      await page.waitForURL(/\/cart/)
      const items = page.getByTestId("cart-item")
      await items.first().waitFor()
      expect(await items.count()).toEqual(2)
      await page.getByTestId("checkout-link").click()
      await page.waitForURL(/\/checkout/)
      await page.waitForLoadState("networkidle")
      await page.getByTestId("no-shipping-needed").waitFor()
      await fillIfEmpty(page, "email", email)
      await fillIfEmpty(page, "last_name", "演示")
      await fillIfEmpty(page, "first_name", "用户")
      await fillIfEmpty(page, "phone", "13800138000")
      await page.getByTestId("place-order").click()
      await page.getByTestId("order-confirmed").waitFor({ timeout: 60000 })
    })
    const booked = await api("GET", `/store/showtimes/${showtimeId}/seats`, { store: true })
    expect(booked.body.seats.filter((s: any) => s.status === "booked")).toHaveLength(2)

    // ---- both e-tickets in the wallet, with film, hall and seat
    const customerToken = await login("customer", email, password)
    let tickets: any[] = []
    for (let i = 0; i < 50 && tickets.length < 2; i++) {
      const { body } = await api("GET", "/store/wallet/vouchers", { token: customerToken, store: true })
      tickets = body.vouchers.filter((v: any) => v.details?.showtime_id === showtimeId)
      if (tickets.length < 2) await new Promise((r) => setTimeout(r, 300))
    }
    expect(tickets).toHaveLength(2)
    const b2 = tickets.find((v: any) => v.details.seat.label === "B2")
    await step(page, "wallet", async () => {
      await page.goto(`${storefront}/account/vouchers/${b2.id}`)
      await page.getByTestId("voucher-detail").waitFor()
      await page.getByTestId("seat-ticket").waitFor()
      expect(await page.getByTestId("ticket-hall").innerText()).toEqual(hall.body.hall.name)
      expect(await page.getByTestId("ticket-seat").innerText()).toMatch(/B.*2/)
      expect(await page.getByTestId("seat-ticket").innerText()).toContain(film.title)
    })

    // ---- the cinema's ticket gate checks the ticket in, once
    const gate = new TerminalClient({ baseUrl: backend, keyId: demo().cinema_terminal.key_id, secret: demo().cinema_terminal.secret })
    const verified = await gate.verify(b2.code)
    expect(verified.ok && verified.data.voucher.redeemable).toBe(true)
    const checkedIn = await gate.redeem(b2.code)
    expect(checkedIn.ok).toBe(true)
    const again = await gate.redeem(b2.code)
    expect(!again.ok && again.error.code).toEqual("voucher_already_redeemed")
    expect(pageErrors).toEqual([])
  })
})
