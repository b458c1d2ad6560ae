import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TerminalClient } from "@palmlife/terminal-client"
import seed from "../../src/scripts/seed"
import { walletVouchersFor } from "../support/store-purchase"
import { shanghaiDate } from "../../src/lib/shanghai-time"
import { MERCHANT_MODULE } from "../../src/modules/merchant"
import { TRAVEL_MODULE } from "../../src/modules/travel"
import { idCardCheckChar } from "../../src/modules/travel/id-documents"
import type TravelModuleService from "../../src/modules/travel/service"
import { convertTravelHoldsWorkflow } from "../../src/workflows/convert-travel-holds"
import { expireTravelHoldsWorkflow } from "../../src/workflows/release-travel-holds"

jest.setTimeout(300 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-travel-")), "demo.json")

/** A valid 18-character resident ID number for a birth date ("YYYYMMDD") and a sequence number. */
function idCard(birth: string, seq: number) {
  const first17 = `110105${birth}${String(seq % 1000).padStart(3, "0")}`
  return first17 + idCardCheckChar(first17)
}
const adult = (seq: number, name = `旅客${seq}`) => ({ type: "adult", name, id_type: "id_card", id_number: idCard("19880214", seq), phone: `1380013${String(seq).padStart(4, "0")}` })
const child = (seq: number) => ({ type: "child", name: `小朋友${seq}`, id_type: "id_card", id_number: idCard("20180601", seq), phone: "13900139000" })
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * 86_400_000))

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    let headers: Record<string, string>
    let store: Record<string, string>
    let admin: Record<string, string>

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
    })
    beforeEach(async () => {
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      store = { "x-publishable-api-key": demo.publishable_key }
      headers = { authorization: `Bearer ${auth.data.token}`, ...store }
      const login = await api.post("/auth/user/emailpass", demo.admin)
      admin = { authorization: `Bearer ${login.data.token}` }
    })

    const travel = () => getContainer().resolve<TravelModuleService>(TRAVEL_MODULE)
    const newCart = async (h = headers) => {
      const { data } = await api.post("/store/carts", { region_id: demo.region_id, email: demo.customer.email }, { headers: h })
      return data.cart.id as string
    }
    const departureOn = async (handle: string, date: string) => {
      const { data } = await api.get(`/store/travel/packages/${handle}/departures?from=${date}&to=${date}`, { headers: store })
      if (!data.departures[0]) throw new Error(`no departure of ${handle} on ${date}`)
      return data.departures[0]
    }
    const book = (cartId: string, body: unknown, h = headers) => api.post(`/store/carts/${cartId}/travel`, body, { headers: h }).catch((e) => e.response)
    const pay = async (cartId: string) => {
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
      return api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch((e) => e.response)
    }
    const soldOf = async (departureId: string) => (await dbConnection.raw(`SELECT sold FROM travel_departure WHERE id = ?`, [departureId])).rows[0].sold as number
    const waitFor = async <T>(fn: () => Promise<T | null | undefined | false>, what: string) => {
      for (let i = 0; i < 60; i++) {
        const v = await fn()
        if (v) return v
        await new Promise((r) => setTimeout(r, 200))
      }
      throw new Error(`timed out waiting for ${what}`)
    }

    it("lists destinations, 8 packages and a 60-day departure calendar with prices in yuan and places left", async () => {
      const { data: dest } = await api.get("/store/travel/destinations", { headers: store })
      expect(dest.destinations.length).toEqual(8)
      expect(dest.destinations.every((d: any) => d.packages === 1 && d.from_price > 0)).toBe(true)

      const { data: list } = await api.get("/store/travel/packages", { headers: store })
      expect(list.count).toEqual(8)
      const { data: detail } = await api.get("/store/travel/packages/guilin-yangshuo-4d3n", { headers: store })
      expect(detail.package).toMatchObject({ handle: "guilin-yangshuo-4d3n", days: 4, nights: 3, destination: "桂林 Guilin" })
      expect(detail.package.itinerary).toHaveLength(4)
      expect(detail.package.inclusions.included.length).toBeGreaterThan(0)
      expect(detail.package.cancellation_tiers).toEqual([{ min_days: 30, percent: 100 }, { min_days: 7, percent: 50 }, { min_days: 0, percent: 0 }])

      const { data } = await api.get("/store/travel/packages/guilin-yangshuo-4d3n/departures?to=" + inDays(90), { headers: store })
      expect(data.departures).toHaveLength(60)
      expect(data.departures[0].date).toEqual(inDays(1))
      expect(data.departures[59].date).toEqual(inDays(60))
      const weekday = data.departures.find((d: any) => ![5, 6].includes(((new Date(`${d.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1))
      expect(weekday).toEqual({
        id: expect.stringMatching(/^tdep_/), date: expect.any(String), capacity: 20, remaining: 20, status: "open",
        prices: { adult: 2599, child: 1819, senior: 2339 }, single_supplement: 520, currency_code: "cny",
      })
      // a second seed adds nothing
      await seed({ container: getContainer(), args: [] } as any)
      const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM travel_departure`)
      const again = await seed({ container: getContainer(), args: [] } as any).then(() => dbConnection.raw(`SELECT count(*)::int AS n FROM travel_departure`))
      expect(again.rows[0].n).toEqual(rows[0].n)

      const missing = await api.get("/store/travel/packages/nowhere/departures", { headers: store }).catch((e) => e.response)
      expect(missing.status).toEqual(404)
    })

    it("50 parallel bookings for the last 3 places: exactly 3 held, 47 answered 409 sold_out, never oversold", async () => {
      const dep = await departureOn("beijing-palace-great-wall-4d3n", inDays(20))
      await travel().updateDepartureSafely(dep.id, { capacity: 3 })
      const carts = await Promise.all(Array.from({ length: 5 }, () => newCart(store)))
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => book(carts[i % 5], { departure_id: dep.id, travellers: [adult(100 + i)] }, store))
      )
      const ok = answers.filter((r) => r.status === 201)
      const soldOut = answers.filter((r) => r.status === 409)
      expect(ok).toHaveLength(3)
      expect(soldOut).toHaveLength(47)
      expect(soldOut.every((r) => r.data.code === "sold_out")).toBe(true)
      const { rows } = await dbConnection.raw(`SELECT COALESCE(SUM(quantity), 0)::int AS held, count(*)::int AS holds FROM travel_hold WHERE departure_id = ? AND status = 'active'`, [dep.id])
      expect(rows[0]).toEqual({ held: 3, holds: 3 })
      const { rows: lines } = await dbConnection.raw(`SELECT count(*)::int AS n FROM cart_line_item WHERE cart_id = ANY(?) AND deleted_at IS NULL`, [carts])
      expect(lines[0].n).toEqual(3)
      expect((await departureOn("beijing-palace-great-wall-4d3n", inDays(20))).remaining).toEqual(0)
    })

    it("books 2 adults and 1 child: per-type prices, payment, places sold once, vouchers in the wallet checked in on the day at the operator's terminal; no ID number in plaintext anywhere", async () => {
      const dep = await departureOn("guilin-yangshuo-4d3n", inDays(10))
      const cartId = await newCart()
      const party = [adult(1, "張偉"), { ...adult(2, "李娜"), single_room: true }, child(3)]
      const res = await book(cartId, { departure_id: dep.id, travellers: party })
      expect(res.status).toEqual(201)
      expect(res.data.hold).toMatchObject({ quantity: 3, departure_id: dep.id, date: inDays(10) })
      expect(new Date(res.data.hold.expires_at).getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
      expect(res.data.travellers.map((t: any) => t.price)).toEqual([dep.prices.adult, dep.prices.adult + dep.single_supplement, dep.prices.child])
      expect(res.data.travellers[0].id_number).toEqual(`110105********${party[0].id_number.slice(-4)}`)
      expect(res.data.cart.items).toHaveLength(3)
      const { data: cartNow } = await api.get(`/store/carts/${cartId}`, { headers })
      expect(cartNow.cart.total).toEqual(dep.prices.adult * 2 + dep.single_supplement + dep.prices.child)
      expect((await departureOn("guilin-yangshuo-4d3n", inDays(10))).remaining).toEqual(dep.remaining - 3)

      const done = await pay(cartId)
      expect(done.data.type).toEqual("order")
      const orderId = done.data.order.id
      const vouchers = await walletVouchersFor(api as any, headers, orderId, 3)
      expect(vouchers.every((v: any) => v.kind === "travel" && v.status === "active")).toBe(true)
      const [y, m, d] = inDays(10).split("-").map(Number)
      expect(new Set(vouchers.map((v: any) => v.valid_from))).toEqual(new Set([new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000).toISOString()]))
      expect(vouchers.map((v: any) => v.details.traveller.name).sort()).toEqual(["小朋友3", "張偉", "李娜"].sort())
      expect(vouchers[0].details).toMatchObject({ departure: { id: dep.id, date: inDays(10) }, package: { handle: "guilin-yangshuo-4d3n" } })

      await waitFor(async () => (await soldOf(dep.id)) === 3, "places sold")
      const { rows: holds } = await dbConnection.raw(`SELECT status, order_id FROM travel_hold WHERE cart_id = ?`, [cartId])
      expect(holds).toEqual([{ status: "sold", order_id: orderId }])
      // order.placed redelivered: nothing sold twice
      await convertTravelHoldsWorkflow(getContainer()).run({ input: { order_id: orderId } })
      expect(await soldOf(dep.id)).toEqual(3)
      const { data: manifest } = await api.get(`/admin/travel/departures/${dep.id}/manifest`, { headers: admin })
      expect(manifest.travellers.filter((t: any) => t.status === "booked")).toHaveLength(3)
      expect(manifest.travellers.every((t: any) => /\*{4,}/.test(t.id_number) && /\*{4}/.test(t.phone))).toBe(true)
      const csv = await api.get(`/admin/travel/departures/${dep.id}/manifest?format=csv`, { headers: admin })
      expect(csv.headers["content-type"]).toMatch(/text\/csv/)
      expect(csv.data.split("\n").filter(Boolean)).toHaveLength(4)
      expect(csv.data).toContain("張偉")

      // no document number or phone in plaintext in any table
      const { rows: tables } = await dbConnection.raw(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)
      const secrets = party.flatMap((t) => [t.id_number, t.phone])
      for (const { table_name } of tables) {
        const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM "${table_name}" t WHERE ${secrets.map(() => "t::text LIKE ?").join(" OR ")}`, secrets.map((s) => `%${s}%`))
        if (rows[0].n) throw new Error(`plaintext traveller data in ${table_name}`)
      }
      const { rows: enc } = await dbConnection.raw(`SELECT id_number_encrypted, id_number_masked FROM travel_traveller WHERE order_id = ?`, [orderId])
      expect(enc.every((r: any) => r.id_number_encrypted.startsWith("v1.") && r.id_number_masked.includes("*"))).toBe(true)

      // check-in: the tour operator's terminal sees the place, valid from the departure day only
      const product = (await api.get(`/store/products?handle=guilin-yangshuo-4d3n&fields=id`, { headers: store })).data.products[0]
      const { data: [linked] } = await getContainer().resolve("query").graph({ entity: "product", fields: ["merchant.id"], filters: { id: product.id } })
      const merchants: any = getContainer().resolve(MERCHANT_MODULE)
      const [opStore] = await merchants.listMerchantStores({ merchant_id: (linked as any).merchant.id })
      const [till] = await merchants.listTerminals({ store_id: opStore.id })
      const { secret } = (await merchants.resolveTerminalByKey(till.key_id))!
      const terminal = new TerminalClient({ baseUrl: String(api.defaults.baseURL), keyId: till.key_id, secret })
      const early = await terminal.verify(vouchers[0].code)
      expect(early.ok && early.data.voucher).toMatchObject({ redeemable: false, reason: "voucher_not_yet_valid" })
      const tooEarly = await terminal.redeem(vouchers[0].code)
      expect([tooEarly.status, (tooEarly as any).error?.code]).toEqual([422, "voucher_not_yet_valid"])
      // the departure day arrives
      await dbConnection.raw(`UPDATE issued_voucher SET valid_from = now() - interval '1 hour', expires_at = now() + interval '1 hour' WHERE id = ?`, [vouchers[0].id])
      const checkedIn = await terminal.redeem(vouchers[0].code)
      expect(checkedIn.status).toEqual(201)
      expect((await terminal.redeem(vouchers[0].code, { idempotencyKey: "second-scan-0001" })).status).toEqual(409)
    })

    it("refunds by the cancellation tier to the fen (≥30 days 100%, 7–29 50%, <7 0%) and puts the places back on sale", async () => {
      const cartId = await newCart()
      const plan = [
        { days: 40, percent: 100, who: adult(41) },
        { days: 15, percent: 50, who: { ...adult(42), type: "senior", id_number: idCard("19550101", 42) } },
        { days: 3, percent: 0, who: adult(43) },
      ]
      const deps: any[] = []
      for (const p of plan) {
        const dep = await departureOn("xiamen-gulangyu-3d2n", inDays(p.days))
        deps.push(dep)
        const r = await book(cartId, { departure_id: dep.id, travellers: [{ ...p.who, single_room: p.days === 15 }] })
        expect(r.status).toEqual(201)
      }
      const done = await pay(cartId)
      const orderId = done.data.order.id
      const vouchers = await walletVouchersFor(api as any, headers, orderId, 3)
      for (const dep of deps) await waitFor(async () => (await soldOf(dep.id)) === 1, "place sold")
      for (const [i, p] of plan.entries()) {
        const v = vouchers.find((x: any) => x.details.departure.id === deps[i].id)
        const paid = p.days === 15 ? deps[i].prices.senior + deps[i].single_supplement : deps[i].prices.adult
        const paidFen = Math.round(paid * 100)
        const r = await api.post(`/store/wallet/vouchers/${v.id}/refund`, {}, { headers })
        const refundFen = Math.floor((paidFen * p.percent) / 100)
        expect(r.data.refund.amount).toEqual(refundFen / 100)
        expect(await soldOf(deps[i].id)).toEqual(0)
        // what the tier keeps, the tour operator earns like a used place (commission off), to the fen
        const { rows: kept } = await dbConnection.raw(`SELECT kind, gross, commission, net FROM settlement_line WHERE voucher_id = ?`, [v.id])
        if (p.percent === 100) expect(kept).toEqual([])
        else {
          expect(kept.map((l: any) => l.kind)).toEqual(["breakage"])
          expect(Math.abs(paidFen - Number(kept[0].gross) - refundFen)).toBeLessThanOrEqual(1)
          expect(Number(kept[0].net)).toEqual(Number(kept[0].gross) - Number(kept[0].commission))
        }
        const again = await api.post(`/store/wallet/vouchers/${v.id}/refund`, {}, { headers }).catch((e) => e.response)
        expect(again.status).toEqual(400)
        expect(await soldOf(deps[i].id)).toEqual(0)
      }
      const { rows } = await dbConnection.raw(`SELECT status FROM travel_traveller WHERE order_id = ?`, [orderId])
      expect(rows.map((r: any) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"])
      const { rows: sums } = await dbConnection.raw(`SELECT COALESCE(sum(amount), 0)::bigint AS s FROM journal_line`)
      expect(Number(sums[0].s)).toEqual(0)
    })

    it("holds run out after 15 minutes on a controllable clock; removing the lines releases the hold", async () => {
      const dep = await departureOn("hangzhou-west-lake-weekend", (await api.get(`/store/travel/packages/hangzhou-west-lake-weekend/departures`, { headers: store })).data.departures[3].date)
      await travel().updateDepartureSafely(dep.id, { capacity: 2 })
      const cartA = await newCart(store)
      const cartB = await newCart(store)
      const first = await book(cartA, { departure_id: dep.id, travellers: [adult(61), adult(62)] }, store)
      expect(first.status).toEqual(201)
      const blocked = await book(cartB, { departure_id: dep.id, travellers: [adult(63)] }, store)
      expect(blocked.status).toEqual(409)
      expect(blocked.data.code).toEqual("sold_out")

      const t0 = new Date()
      const at = (min: number) => new Date(t0.getTime() + min * 60_000)
      expect((await travel().listAvailability({ ids: [dep.id], now: at(14) }))[0].remaining).toEqual(0)
      await expireTravelHoldsWorkflow(getContainer()).run({ input: { now: at(14).toISOString() } })
      expect((await dbConnection.raw(`SELECT status FROM travel_hold WHERE id = ?`, [first.data.hold.id])).rows[0].status).toEqual("active")
      expect((await travel().listAvailability({ ids: [dep.id], now: at(16) }))[0].remaining).toEqual(2)
      // a booking at t0+16 min takes the places of the lapsed hold
      const later = await travel().holdPlaces({ departure_id: dep.id, cart_id: cartB, travellers: [adult(63) as any], now: at(16) })
      expect(later.hold.quantity).toEqual(1)
      const { rows } = await dbConnection.raw(`SELECT status FROM travel_hold WHERE id = ?`, [first.data.hold.id])
      expect(rows[0].status).toEqual("expired")
      await travel().releaseHold(later.hold.id)

      // lines removed through Medusa's own route → the cart.updated subscriber releases the hold
      const cartC = await newCart(store)
      const mine = await book(cartC, { departure_id: dep.id, travellers: [adult(64)] }, store)
      expect(mine.status).toEqual(201)
      const line = mine.data.cart.items[0]
      await api.delete(`/store/carts/${cartC}/line-items/${line.id}`, { headers: store })
      await waitFor(async () => (await dbConnection.raw(`SELECT status FROM travel_hold WHERE id = ?`, [mine.data.hold.id])).rows[0].status === "released", "hold released")
      // and our own DELETE releases at once
      const again = await book(cartC, { departure_id: dep.id, travellers: [adult(65), adult(66)] }, store)
      expect(again.status).toEqual(201)
      const del = await api.delete(`/store/carts/${cartC}/travel/${again.data.hold.id}`, { headers: store })
      expect(del.data.cart.items).toHaveLength(0)
      expect((await departureOn("hangzhou-west-lake-weekend", dep.date)).remaining).toEqual(2)
    })

    it("refuses bad input with machine codes and holds nothing: past or full departure, zero travellers, malformed IDs, plain line items", async () => {
      const cartId = await newCart()
      const pkg = (await travel().listTravelPackages({ handle: "lijiang-dali-6d5n" } as any))[0]
      const [past] = (await travel().bulkCreateDepartures({ package_id: pkg.id, dates: [inDays(-1), inDays(0)], capacity: 10, price_adult: 100000, price_child: 50000, price_senior: 90000, single_supplement: 0 })).created
      const pastDep = (await travel().listTravelDepartures({ package_id: pkg.id, date: past } as any))[0]
      const future = (await api.get(`/store/travel/packages/lijiang-dali-6d5n/departures`, { headers: store })).data.departures[0]
      const full = (await api.get(`/store/travel/packages/lijiang-dali-6d5n/departures`, { headers: store })).data.departures[1]
      await travel().updateDepartureSafely(full.id, { capacity: 0 })

      const good = idCard("19880214", 71)
      const badCheck = good.slice(0, 17) + (good[17] === "0" ? "1" : "0")
      const cases: [unknown, number, string][] = [
        [{ departure_id: pastDep.id, travellers: [adult(71)] }, 400, "departure_past"],
        [{ departure_id: full.id, travellers: [adult(71)] }, 409, "sold_out"],
        [{ departure_id: future.id, travellers: [] }, 400, "no_travellers"],
        [{ departure_id: future.id, travellers: [{ ...adult(71), id_number: badCheck }] }, 400, "invalid_id_number"],
        [{ departure_id: future.id, travellers: [{ ...adult(71), id_number: "11010519880230001X" }] }, 400, "invalid_id_number"],
        [{ departure_id: future.id, travellers: [{ ...adult(71), id_type: "passport", id_number: "E12" }] }, 400, "invalid_id_number"],
        [{ departure_id: future.id, travellers: [{ ...adult(71), id_type: "hk_macau_permit", id_number: "X1234567" }] }, 400, "invalid_id_number"],
        [{ departure_id: future.id, travellers: [{ ...adult(71), id_type: "drivers_licence" }] }, 400, "invalid_request"],
        [{ departure_id: future.id, travellers: [{ ...adult(71), phone: "12345" }] }, 400, "invalid_phone"],
        [{ departure_id: future.id, travellers: [{ ...child(72), type: "adult" }] }, 400, "traveller_type_mismatch"],
        [{ departure_id: future.id, travellers: [child(72)] }, 400, "child_needs_adult"],
        [{ departure_id: future.id, travellers: [adult(73), adult(73)] }, 400, "duplicate_traveller"],
        [{ departure_id: "tdep_nope", travellers: [adult(71)] }, 404, "departure_not_found"],
        [{ departure_id: future.id }, 400, "invalid_request"],
      ]
      for (const [body, status, code] of cases) {
        const r = await book(cartId, body)
        expect({ status: r.status, code: r.data.code, body }).toEqual({ status, code, body })
      }
      const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM travel_hold WHERE cart_id = ?`, [cartId])
      expect(rows[0].n).toEqual(0)

      // the same traveller cannot take two places on one departure
      expect((await book(cartId, { departure_id: future.id, travellers: [adult(74)] })).status).toEqual(201)
      const twice = await book(await newCart(), { departure_id: future.id, travellers: [adult(74)] })
      expect([twice.status, twice.data.code]).toEqual([409, "traveller_already_booked"])

      // a package added as a plain line item (no departure, no travellers) cannot be checked out
      const plain = await newCart()
      const { data: list } = await api.get(`/store/products?handle=lijiang-dali-6d5n&fields=*variants`, { headers })
      await api.post(`/store/carts/${plain}/line-items`, { variant_id: pkg.variant_id ?? list.products[0].variants[0].id, quantity: 1 }, { headers })
      const refused = await pay(plain)
      expect([refused.status, refused.data.code]).toEqual([400, "travel_booking_required"])
    })

    it("admin: packages, bulk departures over a date range on chosen weekdays, capacity never below booked", async () => {
      const { data: list } = await api.get("/admin/travel/packages", { headers: admin })
      expect(list.packages).toHaveLength(8)
      const pkg = list.packages.find((p: any) => p.handle === "shanghai-bund-night-cruise")
      const from = inDays(61)
      const to = inDays(74)
      const bulk = await api.post(`/admin/travel/packages/${pkg.id}/departures`, { from, to, weekdays: [6, 7], capacity: 15, prices: { adult: 299, child: 199.5, senior: 269 }, single_supplement: 0 }, { headers: admin })
      expect(bulk.data.created).toHaveLength(4)
      expect(bulk.data.skipped).toHaveLength(0)
      const dates: string[] = bulk.data.created
      expect(dates.every((d) => [6, 7].includes(((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1))).toBe(true)
      const rerun = await api.post(`/admin/travel/packages/${pkg.id}/departures`, { from, to, weekdays: [6, 7], capacity: 15, prices: { adult: 299, child: 199.5, senior: 269 } }, { headers: admin })
      expect(rerun.data).toMatchObject({ created: [], skipped: dates })
      const { data: detail } = await api.get(`/admin/travel/packages/${pkg.id}`, { headers: admin })
      const added = detail.departures.find((d: any) => d.date === dates[0])
      expect(added).toMatchObject({ capacity: 15, sold: 0, held: 0, remaining: 15, prices: { adult: 299, child: 199.5, senior: 269 } })

      const badRange = await api.post(`/admin/travel/packages/${pkg.id}/departures`, { from: to, to: from, capacity: 15, prices: { adult: 1, child: 1, senior: 1 } }, { headers: admin }).catch((e) => e.response)
      expect([badRange.status, badRange.data.code]).toEqual([400, "invalid_date_range"])
      const badPrice = await api.post(`/admin/travel/packages/${pkg.id}/departures`, { from, to, capacity: 15, prices: { adult: 1.234, child: 1, senior: 1 } }, { headers: admin }).catch((e) => e.response)
      expect([badPrice.status, badPrice.data.code]).toEqual([400, "invalid_request"])

      const cartId = await newCart(store)
      expect((await book(cartId, { departure_id: added.id, travellers: [adult(81), adult(82)] }, store)).status).toEqual(201)
      const shrink = await api.post(`/admin/travel/departures/${added.id}`, { capacity: 1 }, { headers: admin }).catch((e) => e.response)
      expect([shrink.status, shrink.data.code]).toEqual([400, "capacity_below_booked"])
      const ok = await api.post(`/admin/travel/departures/${added.id}`, { capacity: 2, prices: { adult: 320 } }, { headers: admin })
      expect(ok.data.departure).toMatchObject({ capacity: 2, remaining: 0, prices: { adult: 320 } })

      const tiers = await api.post(`/admin/travel/packages/${pkg.id}`, { cancellation_tiers: [{ min_days: 7, percent: 100 }, { min_days: 30, percent: 20 }] }, { headers: admin }).catch((e) => e.response)
      expect([tiers.status, tiers.data.code]).toEqual([400, "invalid_cancellation_tiers"])
      const upd = await api.post(`/admin/travel/packages/${pkg.id}`, { cancellation_tiers: [{ min_days: 10, percent: 100 }, { min_days: 0, percent: 10 }], status: "published" }, { headers: admin })
      expect(upd.data.package.cancellation_tiers).toEqual([{ min_days: 10, percent: 100 }, { min_days: 0, percent: 10 }])
    })
  },
})
