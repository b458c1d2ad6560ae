import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TerminalClient } from "@palmlife/terminal-client"
import seed from "../../src/scripts/seed"
import { shanghaiDate } from "../../src/lib/shanghai-time"
import { completeCart, payWithSystemProvider, until, type Shopper } from "../support/rights-checkout"

jest.setTimeout(300 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-cinema-")), "demo.json")
const ok = { validateStatus: () => true }

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    let shopper: Shopper
    let adminHeaders: Record<string, string>
    let regionId: string

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
    })
    beforeEach(async () => {
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      shopper = { headers: { authorization: `Bearer ${auth.data.token}`, "x-publishable-api-key": demo.publishable_key }, customerId: demo.customer.id, email: demo.customer.email }
      const login = await api.post("/auth/user/emailpass", demo.admin)
      adminHeaders = { authorization: `Bearer ${login.data.token}` }
      const { data } = await api.get("/store/regions", { headers: shopper.headers })
      regionId = data.regions.find((r: any) => r.currency_code === "cny").id
    })

    const store = () => ({ headers: shopper.headers })
    const anon = () => ({ headers: { "x-publishable-api-key": demo.publishable_key } })
    const tomorrow = () => shanghaiDate(new Date(Date.now() + 86400_000))
    const newCart = async (headers = shopper.headers) => (await api.post("/store/carts", { region_id: regionId, email: shopper.email }, { headers })).data.cart.id as string
    /** A showtime tomorrow in the 300-seat hall. */
    const bigHallShowtime = async () => {
      const { data } = await api.get(`/store/showtimes?date=${tomorrow()}`, anon())
      return data.showtimes.find((s: any) => s.hall.name === "1號廳 Hall 1")
    }
    const seatMap = async (showtimeId: string, cartId?: string) =>
      (await api.get(`/store/showtimes/${showtimeId}/seats${cartId ? `?cart_id=${cartId}` : ""}`, anon())).data.seats as any[]
    const hold = (cartId: string, showtime_id: string, seat_ids: string[], headers = shopper.headers) =>
      api.post(`/store/carts/${cartId}/seats`, { showtime_id, seat_ids }, { headers, ...ok })
    const standardSeats = (seats: any[], n: number, skip = 0) => seats.filter((s) => s.type === "standard" && s.status === "available").slice(skip, skip + n)
    const checkout = async (cartId: string) => {
      await payWithSystemProvider(api as any, shopper, cartId)
      return completeCart(api as any, shopper, cartId)
    }
    const claimsOf = async (showtimeId: string, seatId: string) =>
      (await dbConnection.raw(`SELECT * FROM cinema_seat_claim WHERE showtime_id = ? AND seat_id = ?`, [showtimeId, seatId])).rows

    it("lists showtimes by date, cinema and film in the issue's shape; the seat map carries types, prices in yuan and status", async () => {
      const { data } = await api.get(`/store/showtimes?date=${tomorrow()}`, anon())
      expect(data.showtimes.length).toBeGreaterThanOrEqual(15) // 3 halls × 5 slots
      const s = data.showtimes[0]
      expect(Object.keys(s).sort()).toEqual(expect.arrayContaining(["id", "starts_at", "format", "language", "film", "cinema", "hall"]))
      expect(s.film).toEqual({ id: expect.stringMatching(/^film_/), title: expect.any(String) })
      expect(s.cinema).toEqual({ id: expect.stringMatching(/^cin_/), name: expect.any(String) })
      expect(s.hall).toEqual({ id: expect.stringMatching(/^hall_/), name: expect.any(String) })
      expect(new Set(data.showtimes.map((x: any) => x.cinema.id)).size).toEqual(2)
      const byCinema = await api.get(`/store/showtimes?date=${tomorrow()}&cinema_id=${s.cinema.id}`, anon())
      expect(byCinema.data.showtimes.every((x: any) => x.cinema.id === s.cinema.id)).toBe(true)
      const byFilm = await api.get(`/store/showtimes?date=${tomorrow()}&film_id=${s.film.id}`, anon())
      expect(byFilm.data.showtimes.length).toBeGreaterThan(0)
      expect(byFilm.data.showtimes.every((x: any) => x.film.id === s.film.id)).toBe(true)
      const films = await api.get(`/store/films`, anon())
      expect(films.data.films).toHaveLength(6)

      const big = await bigHallShowtime()
      const seats = await seatMap(big.id)
      expect(seats).toHaveLength(300)
      expect(seats[0]).toEqual(expect.objectContaining({ id: expect.any(String), row: "A", number: 1, type: "standard", status: "available", price: 45 }))
      expect(seats.filter((x) => x.status === "disabled")).toHaveLength(2)
      expect(new Set(seats.filter((x) => x.type === "vip").map((x) => x.price))).toEqual(new Set([65]))
      expect(new Set(seats.filter((x) => x.type === "couple").map((x) => x.price))).toEqual(new Set([55]))
      expect(seats.filter((x) => x.type === "couple")).toHaveLength(20)
    })

    it("100 parallel holds on one seat: exactly one cart holds it, 99 get 409 seat_unavailable", async () => {
      const show = await bigHallShowtime()
      const [seat] = standardSeats(await seatMap(show.id), 1, 40)
      const carts: string[] = []
      for (let i = 0; i < 100; i += 20) carts.push(...(await Promise.all(Array.from({ length: 20 }, () => newCart(anon().headers)))))
      const answers = await Promise.all(carts.map((c) => hold(c, show.id, [seat.id], anon().headers)))
      const won = answers.filter((a) => a.status === 200)
      const lost = answers.filter((a) => a.status === 409)
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(99)
      for (const a of lost) expect(a.data.code).toEqual("seat_unavailable")
      const claims = await claimsOf(show.id, seat.id)
      expect(claims).toHaveLength(1)
      expect(claims[0].cart_id).toEqual(carts[answers.indexOf(won[0])])
      expect((await seatMap(show.id)).find((x) => x.id === seat.id).status).toEqual("held")
      // losers got no ticket line
      const lines = await dbConnection.raw(`SELECT count(*)::int AS n FROM cart_line_item WHERE cart_id = ANY(?) AND deleted_at IS NULL`, [carts])
      expect(lines.rows[0].n).toEqual(1)
    })

    it("an expired hold frees the seat; the cart that lost it cannot complete with it; the new holder books it", async () => {
      const show = await bigHallShowtime()
      const [seat] = standardSeats(await seatMap(show.id), 1, 60)
      const first = await newCart()
      const held = await hold(first, show.id, [seat.id])
      expect(held.status).toEqual(200)
      expect(held.data.seats[0]).toMatchObject({ id: seat.id, price: 45 })
      expect(new Date(held.data.seats[0].expires_at).getTime() - Date.now()).toBeGreaterThan(9 * 60_000)
      expect(held.data.cart.items).toHaveLength(1)
      expect(held.data.cart.items[0]).toMatchObject({ unit_price: 45, quantity: 1 })
      expect((await seatMap(show.id, first)).find((x) => x.id === seat.id)).toMatchObject({ status: "held", mine: true })

      const second = await newCart()
      expect((await hold(second, show.id, [seat.id])).data.code).toEqual("seat_unavailable")
      // the clock moves past the 10 minutes: the hold's expiry is in the past
      await dbConnection.raw(`UPDATE cinema_seat_claim SET expires_at = now() - interval '1 second' WHERE cart_id = ?`, [first])
      expect((await seatMap(show.id)).find((x) => x.id === seat.id).status).toEqual("available")
      // the first cart can't complete with an expired hold even while nobody else took the seat
      const lateFirst = await checkout(first)
      expect(lateFirst.data.type).not.toEqual("order")
      expect(JSON.stringify(lateFirst.data)).toContain("seat_hold_expired")
      const taken = await hold(second, show.id, [seat.id])
      expect(taken.status).toEqual(200)
      const done = await checkout(second)
      expect(done.data.type).toEqual("order")
      const claims = await claimsOf(show.id, seat.id)
      expect(claims).toMatchObject([{ status: "booked", cart_id: second, order_id: done.data.order.id, expires_at: null }])
      expect((await seatMap(show.id)).find((x) => x.id === seat.id).status).toEqual("booked")
      // a booked seat is never taken over, not even by its own expired-looking claim
      expect((await hold(first, show.id, [seat.id])).data.code).toEqual("seat_unavailable")
    })

    it("parallel checkouts never double-book: two carts with a line for the same seat complete together → one order has it", async () => {
      const show = await bigHallShowtime()
      const [seat] = standardSeats(await seatMap(show.id), 1, 80)
      const a = await newCart()
      const b = await newCart()
      expect((await hold(a, show.id, [seat.id])).status).toEqual(200)
      await dbConnection.raw(`UPDATE cinema_seat_claim SET expires_at = now() - interval '1 second' WHERE cart_id = ?`, [a])
      expect((await hold(b, show.id, [seat.id])).status).toEqual(200)
      await payWithSystemProvider(api as any, shopper, a)
      await payWithSystemProvider(api as any, shopper, b)
      const [ra, rb] = await Promise.all([completeCart(api as any, shopper, a), completeCart(api as any, shopper, b)])
      expect([ra.data.type, rb.data.type].filter((t) => t === "order")).toEqual(["order"])
      expect(rb.data.type).toEqual("order")
      const claims = await claimsOf(show.id, seat.id)
      expect(claims).toHaveLength(1)
      expect(claims[0]).toMatchObject({ status: "booked", order_id: rb.data.order.id })
      // the last line of defence: the database itself refuses a second claim on the seat
      const dup = await dbConnection
        .raw(`INSERT INTO cinema_seat_claim (id, showtime_id, seat_id, status, cart_id, order_id) VALUES ('sclm_dup', ?, ?, 'booked', 'cart_x', 'order_x')`, [show.id, seat.id])
        .catch((e: any) => e)
      expect(String(dup?.message)).toMatch(/duplicate key|unique/i)
      // the losing cart stays open and is not an order
      const { data } = await api.get(`/store/carts/${a}`, store())
      expect(data.cart.completed_at).toBeFalsy()
    })

    it("couple seats go as a pair: half a pair → 400 couple_pair_incomplete; the pair → two ticket lines at the couple price", async () => {
      const show = await bigHallShowtime()
      const seats = await seatMap(show.id)
      const c1 = seats.find((s) => s.type === "couple" && s.status === "available")
      const c2 = seats.find((s) => s.pair_id === c1.pair_id && s.id !== c1.id)
      const cart = await newCart()
      const half = await hold(cart, show.id, [c1.id])
      expect(half.status).toEqual(400)
      expect(half.data.code).toEqual("couple_pair_incomplete")
      expect(await claimsOf(show.id, c1.id)).toHaveLength(0)
      const both = await hold(cart, show.id, [c1.id, c2.id])
      expect(both.status).toEqual(200)
      expect(both.data.cart.items.map((i: any) => i.unit_price)).toEqual([55, 55])
      // the other half of a held pair can't be had alone or together with anything by another cart
      const other = await newCart()
      expect((await hold(other, show.id, [c1.id, c2.id])).status).toEqual(409)
      // a pair whose other line was removed from the cart does not check out as half a pair
      const line2 = both.data.seats.find((s: any) => s.id === c2.id).line_item_id
      await api.delete(`/store/carts/${cart}/line-items/${line2}`, store())
      const half2 = await checkout(cart)
      expect(half2.status).toEqual(400)
      expect(half2.data.code).toEqual("couple_pair_incomplete")
      expect((await claimsOf(show.id, c1.id))[0].status).toEqual("held")
    })

    it("a ticket line is one seat: a line whose quantity was raised does not check out", async () => {
      const show = await bigHallShowtime()
      const [seat] = standardSeats(await seatMap(show.id), 1, 180)
      const cart = await newCart()
      const held = await hold(cart, show.id, [seat.id])
      await api.post(`/store/carts/${cart}/line-items/${held.data.seats[0].line_item_id}`, { quantity: 2 }, store())
      const done = await checkout(cart)
      expect([done.status, done.data.code]).toEqual([400, "invalid_request"])
      expect((await claimsOf(show.id, seat.id))[0].status).toEqual("held")
      const orders = await dbConnection.raw(`SELECT count(*)::int AS n FROM order_cart WHERE cart_id = ? AND deleted_at IS NULL`, [cart])
      expect(orders.rows[0].n).toEqual(0)
    })

    it("a cinema's ticket product bought as a plain line (no seat) does not check out: 400 seat_required", async () => {
      const { data } = await api.get("/store/products?fields=id,metadata,*variants&limit=100", anon())
      const ticket = data.products.find((p: any) => p.metadata?.cinema_ticket)
      expect(ticket).toBeDefined()
      const cart = await newCart()
      await api.post(`/store/carts/${cart}/line-items`, { variant_id: ticket.variants[0].id, quantity: 1 }, store())
      const done = await checkout(cart)
      expect([done.status, done.data.code]).toEqual([400, "seat_required"])
      const orders = await dbConnection.raw(`SELECT count(*)::int AS n FROM order_cart WHERE cart_id = ? AND deleted_at IS NULL`, [cart])
      expect(orders.rows[0].n).toEqual(0)
    })

    it("refuses bad input with machine codes: another hall's seat, a held or booked seat, a past showtime, malformed bodies", async () => {
      const { data } = await api.get(`/store/showtimes?date=${tomorrow()}`, anon())
      const big = data.showtimes.find((s: any) => s.hall.name === "1號廳 Hall 1")
      const otherHall = data.showtimes.find((s: any) => s.hall.id !== big.hall.id)
      const [foreignSeat] = await seatMap(otherHall.id)
      const cart = await newCart()
      const foreign = await hold(cart, big.id, [foreignSeat.id])
      expect([foreign.status, foreign.data.code]).toEqual([400, "seat_not_in_hall"])
      const disabled = (await seatMap(big.id)).find((s) => s.status === "disabled")
      expect((await hold(cart, big.id, [disabled.id])).data.code).toEqual("seat_disabled")
      // a showtime that has started
      const [seat] = standardSeats(await seatMap(big.id), 1, 100)
      await dbConnection.raw(`UPDATE cinema_showtime SET starts_at = now() - interval '5 minutes' WHERE id = ?`, [otherHall.id])
      const past = await hold(cart, otherHall.id, [foreignSeat.id])
      expect([past.status, past.data.code]).toEqual([400, "showtime_past"])
      // a held seat (someone else's cart), then a booked one
      const holder = await newCart()
      expect((await hold(holder, big.id, [seat.id])).status).toEqual(200)
      const heldAnswer = await hold(cart, big.id, [seat.id])
      expect([heldAnswer.status, heldAnswer.data.code]).toEqual([409, "seat_unavailable"])
      expect((await checkout(holder)).data.type).toEqual("order")
      const bookedAnswer = await hold(cart, big.id, [seat.id])
      expect([bookedAnswer.status, bookedAnswer.data.code]).toEqual([409, "seat_unavailable"])
      // malformed
      for (const body of [{}, { showtime_id: big.id, seat_ids: [] }, { showtime_id: "nope", seat_ids: [seat.id] }, { showtime_id: big.id, seat_ids: [seat.id], extra: 1 }]) {
        const r = await api.post(`/store/carts/${cart}/seats`, body, { ...anon(), ...ok })
        expect([r.status, r.data.code]).toEqual([400, "invalid_request"])
      }
      const twice = await hold(cart, big.id, [seat.id, seat.id])
      expect([twice.status, twice.data.code]).toEqual([400, "invalid_request"])
      const unknownShow = await hold(cart, "sht_doesnotexist", [seat.id])
      expect([unknownShow.status, unknownShow.data.code]).toEqual([404, "showtime_not_found"])
      const noCart = await hold("cart_doesnotexist", big.id, [seat.id])
      expect([noCart.status, noCart.data.code]).toEqual([404, "cart_not_found"])
      const badDate = await api.get(`/store/showtimes?date=2026-13-45`, { ...anon(), ...ok })
      expect([badDate.status, badDate.data.code]).toEqual([400, "invalid_request"])
      const noShow = await api.get(`/store/showtimes/sht_doesnotexist/seats`, { ...anon(), ...ok })
      expect([noShow.status, noShow.data.code]).toEqual([404, "showtime_not_found"])
    })

    it("removing a ticket line from the cart releases its hold", async () => {
      const show = await bigHallShowtime()
      const [s1, s2] = standardSeats(await seatMap(show.id), 2, 120)
      const cart = await newCart()
      const held = await hold(cart, show.id, [s1.id, s2.id])
      expect(held.status).toEqual(200)
      const line = held.data.seats.find((s: any) => s.id === s1.id).line_item_id
      expect(line).toBeTruthy()
      await api.delete(`/store/carts/${cart}/line-items/${line}`, store())
      await until("the removed line's seat to be free", async () => (await seatMap(show.id)).find((x) => x.id === s1.id).status === "available")
      expect((await seatMap(show.id)).find((x) => x.id === s2.id).status).toEqual("held")
    })

    it("schedules showtimes in a hall and refuses overlaps, cleaning gap included; the admin grid editor saves a seat map", async () => {
      const { data: list } = await api.get("/admin/cinemas", { headers: adminHeaders })
      const cin = list.cinemas[0]
      const made = await api.post(`/admin/cinemas/${cin.id}/halls`, { name: "Test hall", cleaning_minutes: 20 }, { headers: adminHeaders })
      const hallId = made.data.hall.id
      const seats = [
        { row_label: "A", number: 1, type: "standard", x: 0, y: 0 },
        { row_label: "A", number: 2, type: "couple", pair_id: "p1", x: 1, y: 0 },
        { row_label: "A", number: 3, type: "couple", pair_id: "p1", x: 2, y: 0 },
      ]
      const bad = await api.post(`/admin/halls/${hallId}/seats`, { rows: 1, cols: 3, seats: seats.slice(0, 2) }, { headers: adminHeaders, ...ok })
      expect([bad.status, bad.data.code]).toEqual([400, "couple_pair_incomplete"])
      expect((await api.post(`/admin/halls/${hallId}/seats`, { rows: 1, cols: 3, seats }, { headers: adminHeaders })).data.seats).toEqual(3)
      expect((await api.get(`/admin/halls/${hallId}`, { headers: adminHeaders })).data.hall.seats).toHaveLength(3)

      const film = (await api.post("/admin/films", { title: "Test film", duration_minutes: 100, genres: ["Drama"], languages: ["English"] }, { headers: adminHeaders })).data.film
      const at = (minutes: number) => new Date(Date.now() + 3 * 86400_000 + minutes * 60_000).toISOString()
      const schedule = (starts_at: string) =>
        api.post("/admin/showtimes", { film_id: film.id, hall_id: hallId, starts_at, format: "2D", language: "English", prices: { standard: 40, vip: 60, couple: 50.5 } }, { headers: adminHeaders, ...ok })
      const first = await schedule(at(0))
      expect(first.status).toEqual(201)
      // 100 min film + 20 min cleaning: busy until +120
      for (const m of [-30, 50, 119]) {
        const clash = await schedule(at(m))
        expect([clash.status, clash.data.code]).toEqual([409, "showtime_overlap"])
      }
      expect((await schedule(at(120))).status).toEqual(201)
      // two schedulers racing for the same slot: one wins
      const race = await Promise.all([schedule(at(600)), schedule(at(610)), schedule(at(620))])
      expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409])
      const seatsOf = await seatMap(first.data.showtime.id)
      expect(seatsOf.map((s) => s.price)).toEqual([40, 50.5, 50.5])
    })

    it("a ticket becomes a movie voucher with film, showtime, hall and seat; it checks in at the cinema's gate from 2 h before the start", async () => {
      // a showtime starting in 90 minutes in a fresh hall of the first cinema
      const { data: list } = await api.get("/admin/cinemas", { headers: adminHeaders })
      const cin = list.cinemas.find((c: any) => c.halls.some((h: any) => h.name === "1號廳 Hall 1"))
      const hallId = (await api.post(`/admin/cinemas/${cin.id}/halls`, { name: "Gate test hall", cleaning_minutes: 10 }, { headers: adminHeaders })).data.hall.id
      await api.post(`/admin/halls/${hallId}/seats`, { rows: 1, cols: 2, seats: [{ row_label: "A", number: 1, type: "standard", x: 0, y: 0 }, { row_label: "A", number: 2, type: "vip", x: 1, y: 0 }] }, { headers: adminHeaders })
      const { data: films } = await api.get("/admin/films", { headers: adminHeaders })
      const startsAt = new Date(Date.now() + 90 * 60_000)
      const soon = (await api.post("/admin/showtimes", { film_id: films.films[0].id, hall_id: hallId, starts_at: startsAt.toISOString(), format: "2D", language: "國語", prices: { standard: 30, vip: 50, couple: 40 } }, { headers: adminHeaders })).data.showtime
      const later = await bigHallShowtime()
      const [laterSeat] = standardSeats(await seatMap(later.id), 1, 140)
      const cart = await newCart()
      const seats = await seatMap(soon.id)
      expect((await hold(cart, soon.id, seats.map((s) => s.id))).status).toEqual(200)
      expect((await hold(cart, later.id, [laterSeat.id])).status).toEqual(200)
      const done = await checkout(cart)
      expect(done.data.type).toEqual("order")
      const orderId = done.data.order.id
      const mine = await until("tickets in the wallet", async () => {
        const { data } = await api.get("/store/wallet/vouchers", store())
        const v = data.vouchers.filter((x: any) => x.order_id === orderId)
        return v.length === 3 ? v : null
      })
      const soonTicket = mine.find((v: any) => v.details?.showtime_id === soon.id && v.details?.seat?.label === "A2")
      expect(soonTicket).toMatchObject({ kind: "movie", status: "active" })
      expect(soonTicket.details).toMatchObject({ film: { title: films.films[0].title }, hall: { name: "Gate test hall" }, seat: { row: "A", number: 2, type: "vip" } })
      expect(new Date(soonTicket.valid_from).getTime()).toEqual(startsAt.getTime() - 120 * 60_000)
      expect(new Date(soonTicket.expires_at).getTime()).toEqual(startsAt.getTime() + 30 * 60_000)
      const gate = new TerminalClient({ baseUrl: String(api.defaults.baseURL), keyId: demo.cinema_terminal.key_id, secret: demo.cinema_terminal.secret })
      const checkedIn = await gate.redeem(soonTicket.code)
      expect(checkedIn.ok).toBe(true)
      const again = await gate.redeem(soonTicket.code)
      expect(again.ok).toBe(false)
      // tomorrow's ticket is not valid yet
      const laterTicket = mine.find((v: any) => v.details?.showtime_id === later.id)
      const early = await gate.redeem(laterTicket.code)
      expect(!early.ok && early.error.code).toEqual("voucher_not_yet_valid")
      // and the restaurant's till knows nothing about it
      const golden = new TerminalClient({ baseUrl: String(api.defaults.baseURL), keyId: demo.terminal.key_id, secret: demo.terminal.secret })
      expect((await golden.verify(laterTicket.code)).status).toEqual(404)
    })

    it("refunds a ticket until 2 h before the start and puts the seat back on sale; later the refund is refused", async () => {
      const show = await bigHallShowtime()
      const [seat] = standardSeats(await seatMap(show.id), 1, 160)
      const cart = await newCart()
      expect((await hold(cart, show.id, [seat.id])).status).toEqual(200)
      const done = await checkout(cart)
      const orderId = done.data.order.id
      const [ticket] = await until("the ticket", async () => {
        const { data } = await api.get("/store/wallet/vouchers", store())
        const v = data.vouchers.filter((x: any) => x.order_id === orderId)
        return v.length ? v : null
      })
      expect((await seatMap(show.id)).find((s) => s.id === seat.id).status).toEqual("booked")
      // with a cut-off longer than the time left, the refund is refused and the seat stays sold
      process.env.CINEMA_REFUND_CUTOFF_MINUTES = String(3 * 24 * 60)
      try {
        const late = await api.post(`/store/wallet/vouchers/${ticket.id}/refund`, {}, { ...store(), ...ok })
        expect(late.status).toBeGreaterThanOrEqual(400)
        expect(late.status).toBeLessThan(500)
        expect(late.data.code).toEqual("refund_window_closed")
      } finally {
        delete process.env.CINEMA_REFUND_CUTOFF_MINUTES
      }
      expect((await seatMap(show.id)).find((s) => s.id === seat.id).status).toEqual("booked")
      const refunded = await api.post(`/store/wallet/vouchers/${ticket.id}/refund`, {}, { ...store(), ...ok })
      expect(refunded.status).toEqual(200)
      await until("the refunded seat back on sale", async () => (await seatMap(show.id)).find((s) => s.id === seat.id).status === "available")
      const again = await hold(await newCart(), show.id, [seat.id])
      expect(again.status).toEqual(200)
    })

    it("the Platinum ¥9.9 movie benefit prices a seat ticket at ¥9.9", async () => {
      const { data: programs } = await api.get("/admin/benefit-programs", { headers: adminHeaders })
      const program = programs.benefit_programs.find((p: any) => p.name.startsWith("¥9.9 movie Wednesday"))
      await api.post(`/admin/benefit-programs/${program.id}`, { weekdays: null }, { headers: adminHeaders })
      const show = await bigHallShowtime()
      const vip = (await seatMap(show.id)).find((s) => s.type === "vip" && s.status === "available")
      const cart = await newCart()
      expect((await hold(cart, show.id, [vip.id])).status).toEqual(200)
      const { data: rights } = await api.get(`/store/carts/${cart}/rights`, store())
      const benefit = rights.benefits.find((b: any) => b.id === program.id)
      expect(benefit).toMatchObject({ eligible: true, value_for_cart: 55.1 })
      const applied = await api.post(`/store/carts/${cart}/rights`, { benefit_id: program.id }, store())
      expect(applied.data.rights).toMatchObject({ benefit_value: 55.1, cash_due: 9.9 })
      const done = await checkout(cart)
      expect(done.data.type).toEqual("order")
      expect((await seatMap(show.id)).find((s) => s.id === vip.id).status).toEqual("booked")
    })
  },
})
