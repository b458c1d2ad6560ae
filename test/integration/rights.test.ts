import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TerminalClient } from "@palmlife/terminal-client"
import { RIGHTS_MODULE } from "../../src/modules/rights"
import seed from "../../src/scripts/seed"
import { FEN_PER_POINT } from "../../src/modules/rights/rules"
import { expirePointsWorkflow } from "../../src/workflows/expire-points"
import { settleBusinessDayWorkflow } from "../../src/workflows/settle-business-day"
import { cartWith, completeCart, payWithSystemProvider, registerShopper, Shopper, until } from "../support/rights-checkout"
import { walletVouchersFor } from "../support/store-purchase"

jest.setTimeout(300 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-rights-")), "demo.json")

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    let adminHeaders: Record<string, string>
    let platinum: Shopper
    let shopperSeq = 0

    const newShopper = async (points = 0) => {
      const s = await registerShopper(api as any, demo.publishable_key, `rights-${Date.now()}-${shopperSeq++}@palmlife.test`)
      if (points) await api.post(`/admin/customers/${s.customerId}/points-adjustments`, { points, reason: "test points" }, { headers: adminHeaders })
      return s
    }
    const rightsOf = (s: Shopper) => api.get("/store/rights", { headers: s.headers }).then((r) => r.data)
    const applyRights = (s: Shopper, cartId: string, body: unknown) =>
      api.post(`/store/carts/${cartId}/rights`, body, { headers: s.headers, validateStatus: () => true })
    const ledgerOf = async (customerId: string) =>
      (await dbConnection.raw(`SELECT kind, points, balance_after, posting_key, order_id FROM points_entry WHERE customer_id = ? ORDER BY created_at, id`, [customerId])).rows
    const balanceOf = async (customerId: string) =>
      Number((await dbConnection.raw(`SELECT balance FROM points_account WHERE customer_id = ?`, [customerId])).rows[0]?.balance ?? 0)
    /** Σ ledger = balance = Σ lots remaining, every balance_after ≥ 0 */
    const expectLedgerBalances = async (customerId: string) => {
      const { rows } = await dbConnection.raw(
        `SELECT (SELECT COALESCE(sum(points), 0) FROM points_entry WHERE customer_id = ?)::int AS ledger,
                (SELECT balance FROM points_account WHERE customer_id = ?)::int AS balance,
                (SELECT COALESCE(sum(remaining), 0) FROM points_lot WHERE customer_id = ?)::int AS lots,
                (SELECT count(*) FROM points_entry WHERE customer_id = ? AND balance_after < 0)::int AS negative`,
        [customerId, customerId, customerId, customerId]
      )
      expect(rows[0].ledger).toEqual(rows[0].balance)
      expect(rows[0].lots).toEqual(rows[0].balance)
      expect(rows[0].negative).toEqual(0)
      return rows[0].balance as number
    }
    const movieProgram = async () => {
      const { data } = await api.get("/admin/benefit-programs", { headers: adminHeaders })
      return data.benefit_programs.find((p: any) => p.name.startsWith("¥9.9 movie Wednesday"))
    }

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
      const login = await api.post("/auth/user/emailpass", demo.admin)
      adminHeaders = { authorization: `Bearer ${login.data.token}` }
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      platinum = { headers: { authorization: `Bearer ${auth.data.token}`, "x-publishable-api-key": demo.publishable_key }, customerId: demo.customer.id, email: demo.customer.email }
      // the demo's movie benefit is for Wednesdays; open it every day so the suite runs any day
      const program = await movieProgram()
      await api.post(`/admin/benefit-programs/${program.id}`, { weekdays: null }, { headers: adminHeaders })
    })

    it("shows the Platinum demo customer 20,000 points and the ¥9.9 movie benefit with 2 uses this month", async () => {
      const rights = await rightsOf(platinum)
      expect(rights.points).toEqual({ balance: 20000, yuan_per_100_points: 1 })
      const movie = rights.benefits.find((b: any) => b.name.startsWith("¥9.9 movie Wednesday"))
      expect(movie).toMatchObject({ kind: "fixed_price", remaining: 2, period: "month", value: 9.9 })
      // the Gold card's benefit is not the Platinum customer's
      expect(rights.benefits.some((b: any) => b.name.startsWith("Meal vouchers 10% off"))).toBe(false)
      await expectLedgerBalances(platinum.customerId)
    })

    it("plans points on the server within the 50% cap and the balance, and refuses bad input without applying anything", async () => {
      const shopper = await newShopper(5000)
      const cartId = await cartWith(api as any, shopper, "golden-dragon-100-voucher") // ¥88

      const ok = await applyRights(shopper, cartId, { points: 4400 })
      expect(ok.status).toEqual(200)
      expect(ok.data.rights).toEqual({ points_applied: 4400, points_value: 44, benefit_id: null, benefit_value: 0, cash_due: 44 })
      expect(Number(ok.data.cart.total)).toEqual(44)

      const cases: Array<[unknown, string]> = [
        [{ points: 4401 }, "points_cap_exceeded"],
        [{ points: -1 }, "invalid_request"],
        [{ points: 10.5 }, "invalid_request"],
        [{ points: "100" }, "invalid_request"],
        [{ points: 100, cash_due: 0 }, "invalid_request"], // totals come from the server, never the client
        [{ benefit_id: "bprog_does_not_exist" }, "benefit_not_eligible"],
        [{ benefit_id: "x".repeat(500) }, "invalid_request"],
      ]
      for (const [body, code] of cases) {
        const res = await applyRights(shopper, cartId, body)
        expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status: 400, code })
        expect(typeof res.data.message).toBe("string")
      }
      // the Gold-card benefit is not this customer's
      const { data: programs } = await api.get("/admin/benefit-programs", { headers: adminHeaders })
      const gold = programs.benefit_programs.find((p: any) => p.name.startsWith("Meal vouchers 10% off"))
      expect((await applyRights(shopper, cartId, { benefit_id: gold.id })).data.code).toEqual("benefit_not_eligible")

      // nothing half-applied: the cart still carries exactly the first, valid choice
      const { data: now } = await api.get(`/store/carts/${cartId}/rights`, { headers: shopper.headers })
      expect(now.rights).toMatchObject({ points_applied: 4400, points_value: 44, cash_due: 44 })
      expect(now.points).toEqual({ balance: 5000, max_for_cart: 4400, min_for_cart: 0 })

      // more points than the balance
      const poor = await newShopper(100)
      const poorCart = await cartWith(api as any, poor, "golden-dragon-100-voucher")
      const res = await applyRights(poor, poorCart, { points: 101 })
      expect([res.status, res.data.code]).toEqual([400, "insufficient_points"])

      // someone else's cart is not found, and guests cannot use rights
      expect((await applyRights(poor, cartId, { points: 1 })).status).toEqual(404)
      const guest = await api.post(`/store/carts/${cartId}/rights`, { points: 1 }, { headers: { "x-publishable-api-key": demo.publishable_key }, validateStatus: () => true })
      expect(guest.status).toEqual(401)
    })

    it("checks out with points plus cash: burns the points once, earns on the cash, records the split per line", async () => {
      const shopper = await newShopper(3000)
      const cartId = await cartWith(api as any, shopper, "golden-dragon-100-voucher", 2) // 2 × ¥88
      const applied = await applyRights(shopper, cartId, { points: 2999 })
      expect(applied.data.rights).toMatchObject({ points_value: 29.99, cash_due: 146.01 })
      await payWithSystemProvider(api as any, shopper, cartId)
      const done = await completeCart(api as any, shopper, cartId)
      expect(done.data.type).toEqual("order")
      const order = done.data.order
      expect(Number(order.total)).toEqual(146.01)

      // 1 point per whole yuan of cash: 146
      await until("points earned", async () => (await ledgerOf(shopper.customerId)).some((e: any) => e.kind === "earn"))
      const ledger = await ledgerOf(shopper.customerId)
      expect(ledger.map((e: any) => [e.kind, e.points])).toEqual([["adjust", 3000], ["burn", -2999], ["earn", 146]])
      expect(await expectLedgerBalances(shopper.customerId)).toEqual(3000 - 2999 + 146)

      const funding = await until("funding split", async () => {
        const { rows } = await dbConnection.raw(`SELECT * FROM order_line_funding WHERE order_id = ?`, [order.id])
        return rows.length ? rows : null
      })
      expect(funding).toHaveLength(1)
      expect([Number(funding[0].total), Number(funding[0].cash), Number(funding[0].points_value), Number(funding[0].benefit_value)]).toEqual([17600, 14601, 2999, 0])

      // the customer's history links the burn (posted against the cart) to its order
      const { data: history } = await api.get("/store/rights/points?limit=10", { headers: shopper.headers })
      expect(history.entries.find((e: any) => e.kind === "burn")).toMatchObject({ points: -2999, order_id: order.id })
      expect(history.balance).toEqual(3000 - 2999 + 146)

      // completing again answers with the same order and burns nothing more
      const again = await completeCart(api as any, shopper, cartId)
      expect(again.data.order?.id).toEqual(order.id)
      expect((await ledgerOf(shopper.customerId)).filter((e: any) => e.kind === "burn")).toHaveLength(1)
    })

    it("refunds each part its own way: points to the ledger, cash through the provider, earned points clawed back", async () => {
      const shopper = await newShopper(4400)
      const cartId = await cartWith(api as any, shopper, "golden-dragon-100-voucher")
      await applyRights(shopper, cartId, { points: 4400 })
      await payWithSystemProvider(api as any, shopper, cartId)
      const { data } = await completeCart(api as any, shopper, cartId)
      const [voucher] = await walletVouchersFor(api as any, shopper.headers, data.order.id, 1)
      await until("points earned", async () => (await ledgerOf(shopper.customerId)).some((e: any) => e.kind === "earn"))
      expect(await balanceOf(shopper.customerId)).toEqual(44) // 4400 − 4400 + 44 earned on ¥44 cash

      const refund = await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers: shopper.headers })
      expect(refund.data.refund).toMatchObject({ amount: 44, points_refunded: 4400, points_clawed_back: 44 })
      expect(await expectLedgerBalances(shopper.customerId)).toEqual(4400)
      const { rows: refunds } = await dbConnection.raw(
        `SELECT r.amount FROM refund r JOIN payment p ON p.id = r.payment_id JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id WHERE opc.order_id = ?`,
        [data.order.id]
      )
      expect(refunds.map((r: any) => Number(r.amount))).toEqual([44])
      // a second refund of the same voucher is refused and changes nothing
      const twice = await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers: shopper.headers, validateStatus: () => true })
      expect(twice.status).toEqual(400)
      expect(await balanceOf(shopper.customerId)).toEqual(4400)
    })

    it("uses the ¥9.9 movie benefit with points, takes one use of the monthly quota, and a refund gives the quota back", async () => {
      const before = (await rightsOf(platinum)).benefits.find((b: any) => b.name.startsWith("¥9.9 movie")).remaining
      const program = await movieProgram()
      const cartId = await cartWith(api as any, platinum, "starlight-imax-ticket") // ¥79.9
      const applied = await applyRights(platinum, cartId, { benefit_id: program.id, points: 495 })
      // ¥79.9 → ¥9.9: ¥70 benefit; at most 50% of ¥9.9 in points
      expect(applied.data.rights).toEqual({ points_applied: 495, points_value: 4.95, benefit_id: program.id, benefit_value: 70, cash_due: 4.95 })
      expect((await applyRights(platinum, cartId, { benefit_id: program.id, points: 496 })).data.code).toEqual("points_cap_exceeded")
      await payWithSystemProvider(api as any, platinum, cartId)
      const { data } = await completeCart(api as any, platinum, cartId)
      expect(data.type).toEqual("order")
      expect((await rightsOf(platinum)).benefits.find((b: any) => b.id === program.id).remaining).toEqual(before - 1)

      const funding = await until("funding split", async () => {
        const { rows } = await dbConnection.raw(`SELECT * FROM order_line_funding WHERE order_id = ?`, [data.order.id])
        return rows.length ? rows : null
      })
      expect(funding[0]).toMatchObject({ benefit_program_id: program.id, benefit_funder: "platform" })
      expect([Number(funding[0].cash), Number(funding[0].points_value), Number(funding[0].benefit_value)]).toEqual([495, 495, 7000])

      const [voucher] = await walletVouchersFor(api as any, platinum.headers, data.order.id, 1)
      const refund = await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers: platinum.headers })
      expect(refund.data.refund).toMatchObject({ amount: 4.95, points_refunded: 495, quota_restored: true })
      expect((await rightsOf(platinum)).benefits.find((b: any) => b.id === program.id).remaining).toEqual(before)
      await expectLedgerBalances(platinum.customerId)
    })

    it("refunds a partly used stored-value voucher pro rata per funder, to the fen", async () => {
      const shopper = await newShopper(3333)
      const cartId = await cartWith(api as any, shopper, "golden-dragon-100-voucher") // ¥88 for ¥100 face value
      await applyRights(shopper, cartId, { points: 3333 })
      await payWithSystemProvider(api as any, shopper, cartId)
      const { data } = await completeCart(api as any, shopper, cartId)
      const [voucher] = await walletVouchersFor(api as any, shopper.headers, data.order.id, 1)
      const terminal = new TerminalClient({ baseUrl: String(api.defaults.baseURL), keyId: demo.terminal.key_id, secret: demo.terminal.secret })
      const redeemed = await terminal.redeem(voucher.code, { amount: 3000, idempotencyKey: `rights-partial-${voucher.id}` })
      expect(redeemed.ok).toBe(true)
      await until("points earned", async () => (await ledgerOf(shopper.customerId)).some((e: any) => e.kind === "earn"))

      const refund = await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers: shopper.headers })
      // ¥70 of ¥100 unused: cash 5467 fen × 70% = 3826.9 → 3826; points 3333 × 70% = 2333.1 → 2333 (rounded down)
      expect(refund.data.refund).toMatchObject({ amount: 38.26, points_refunded: 2333 })
      // earned 54 on ¥54.67 cash; 3826 of 5467 fen refunded → 54 × 3826 / 5467 = 37.79 → 37 clawed back
      expect(refund.data.refund.points_clawed_back).toEqual(37)
      expect(await expectLedgerBalances(shopper.customerId)).toEqual(0 + 54 + 2333 - 37)
    })

    it("gives a benefit's quota back only while its period is still open", async () => {
      const program = await movieProgram()
      const shopper = platinum
      const before = (await rightsOf(shopper)).benefits.find((b: any) => b.id === program.id).remaining
      if (before === 0) {
        // earlier tests used this month's quota; raise it so this test has one to spend
        await api.post(`/admin/benefit-programs/${program.id}`, { quota: program.quota + 1 }, { headers: adminHeaders })
      }
      const cartId = await cartWith(api as any, shopper, "starlight-imax-ticket")
      expect((await applyRights(shopper, cartId, { benefit_id: program.id, points: 0 })).status).toEqual(200)
      await payWithSystemProvider(api as any, shopper, cartId)
      const { data } = await completeCart(api as any, shopper, cartId)
      const funding = await until("funding split", async () => {
        const { rows } = await dbConnection.raw(`SELECT * FROM order_line_funding WHERE order_id = ?`, [data.order.id])
        return rows.length ? rows : null
      })
      const usedBefore = (await rightsOf(shopper)).benefits.find((b: any) => b.id === program.id).remaining
      // refunded next month: the month's quota is over, so nothing comes back
      const nextMonth = new Date(Date.now() + 35 * 24 * 3600 * 1000)
      const rights: any = getContainer().resolve(RIGHTS_MODULE)
      const result = await rights.refundLineUnit({ order_id: data.order.id, line_item_id: funding[0].line_item_id, numerator: 1, denominator: 1, refund_key: `late-${data.order.id}`, now: nextMonth })
      expect(result).toMatchObject({ cash: Number(funding[0].cash), quota_restored: false })
      expect((await rightsOf(shopper)).benefits.find((b: any) => b.id === program.id).remaining).toEqual(usedBefore)
      // the same refund key again changes nothing and answers the same
      const replay = await rights.refundLineUnit({ order_id: data.order.id, line_item_id: funding[0].line_item_id, numerator: 1, denominator: 1, refund_key: `late-${data.order.id}`, now: nextMonth })
      expect(replay).toMatchObject({ cash: result.cash, replay: true })
      const { rows } = await dbConnection.raw(`SELECT units_refunded FROM order_line_funding WHERE id = ?`, [funding[0].id])
      expect(rows[0].units_refunded).toEqual(1)
    })

    it("completes an order paid entirely with rights without any payment session", async () => {
      await api.post("/admin/rights/points-rules", { scene: "movie", max_burn_percent: 100 }, { headers: adminHeaders })
      try {
        const shopper = await newShopper(5000)
        const cartId = await cartWith(api as any, shopper, "starlight-2d-ticket") // ¥39.9 or ¥49.9, whichever variant is listed first
        const { data: offer } = await api.get(`/store/carts/${cartId}/rights`, { headers: shopper.headers })
        const total = Math.round(Number((await api.get(`/store/carts/${cartId}`, { headers: shopper.headers })).data.cart.total) * 100)
        // 100% of a movie may be paid in points: the whole ticket
        expect(offer.points.max_for_cart).toEqual(total)
        const applied = await applyRights(shopper, cartId, { points: total })
        expect(applied.data.rights.cash_due).toEqual(0)
        const { data } = await completeCart(api as any, shopper, cartId)
        expect(data.type).toEqual("order")
        expect(Number(data.order.total)).toEqual(0)
        const [voucher] = await walletVouchersFor(api as any, shopper.headers, data.order.id, 1)
        // no cash, so no points earned and no card refund: only the points come back
        const refund = await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers: shopper.headers })
        expect(refund.data.refund).toMatchObject({ amount: 0, points_refunded: total, points_clawed_back: 0 })
        expect(await expectLedgerBalances(shopper.customerId)).toEqual(5000)
      } finally {
        await api.post("/admin/rights/points-rules", { scene: "movie", max_burn_percent: 50 }, { headers: adminHeaders })
      }
    })

    it("20 parallel checkouts spending one customer's 10,000 points: exactly 5 succeed and the balance never goes negative", async () => {
      const shopper = await newShopper(10000)
      const carts: string[] = []
      for (let i = 0; i < 20; i++) {
        const cartId = await cartWith(api as any, shopper, "golden-dragon-100-voucher")
        expect((await applyRights(shopper, cartId, { points: 2000 })).status).toEqual(200)
        await payWithSystemProvider(api as any, shopper, cartId)
        carts.push(cartId)
      }
      const results = await Promise.all(carts.map((c) => completeCart(api as any, shopper, c)))
      const orders = results.filter((r) => r.data.type === "order")
      const refused = results.filter((r) => r.data.type !== "order")
      expect(orders).toHaveLength(5)
      expect(refused.map((r) => [r.status, r.data.code])).toEqual(Array(15).fill([400, "insufficient_points"]))
      const burns = (await ledgerOf(shopper.customerId)).filter((e: any) => e.kind === "burn")
      expect(burns.reduce((s: number, e: any) => s + Number(e.points), 0)).toEqual(-10000)
      await until("points earned on all 5 orders", async () => (await ledgerOf(shopper.customerId)).filter((e: any) => e.kind === "earn").length === 5)
      expect(await expectLedgerBalances(shopper.customerId)).toEqual(5 * 68) // ¥68 cash each → 68 points
    })

    it("two carts racing for the last monthly use of a benefit: exactly one gets it, the other keeps its points", async () => {
      const program = await movieProgram()
      const remaining = (await rightsOf(platinum)).benefits.find((b: any) => b.id === program.id).remaining
      // use up all but one
      for (let i = 0; i < remaining - 1; i++) {
        const c = await cartWith(api as any, platinum, "starlight-imax-ticket")
        await applyRights(platinum, c, { benefit_id: program.id, points: 0 })
        await payWithSystemProvider(api as any, platinum, c)
        expect((await completeCart(api as any, platinum, c)).data.type).toEqual("order")
      }
      const balanceBefore = await balanceOf(platinum.customerId)
      const a = await cartWith(api as any, platinum, "starlight-imax-ticket")
      const b = await cartWith(api as any, platinum, "starlight-imax-ticket")
      for (const c of [a, b]) {
        expect((await applyRights(platinum, c, { benefit_id: program.id, points: 100 })).status).toEqual(200)
        await payWithSystemProvider(api as any, platinum, c)
      }
      const results = await Promise.all([a, b].map((c) => completeCart(api as any, platinum, c)))
      expect(results.filter((r) => r.data.type === "order")).toHaveLength(1)
      const loser = results.find((r) => r.data.type !== "order")!
      expect([loser.status, loser.data.code]).toEqual([400, "quota_exhausted"])
      expect((await rightsOf(platinum)).benefits.find((b: any) => b.id === program.id).remaining).toEqual(0)
      await until("earn on the winner", async () => (await ledgerOf(platinum.customerId)).filter((e: any) => e.kind === "earn").length > 0)
      // only the winner's 100 points were burned; the loser's burn (if it got that far) was released
      const { rows } = await dbConnection.raw(
        `SELECT COALESCE(sum(points), 0)::int AS n FROM points_entry WHERE customer_id = ? AND kind IN ('burn', 'release') AND cart_id IN (?, ?)`,
        [platinum.customerId, a, b]
      )
      expect(rows[0].n).toEqual(-100)
      expect(balanceBefore).toBeGreaterThan(0)
      await expectLedgerBalances(platinum.customerId)
    })

    it("lets operators adjust points with a reason (never below zero) and keeps the ledger append-only", async () => {
      const shopper = await newShopper(0)
      const up = await api.post(`/admin/customers/${shopper.customerId}/points-adjustments`, { points: 300, reason: "goodwill for a late delivery" }, { headers: adminHeaders })
      expect(up.status).toEqual(201)
      expect(up.data.balance).toEqual(300)
      const down = await api.post(`/admin/customers/${shopper.customerId}/points-adjustments`, { points: -301, reason: "too much" }, { headers: adminHeaders, validateStatus: () => true })
      expect([down.status, down.data.code]).toEqual([400, "insufficient_points"])
      for (const body of [{ points: 0, reason: "zero" }, { points: 1.5, reason: "half" }, { points: 10 }, { points: 10, reason: "" }]) {
        const bad = await api.post(`/admin/customers/${shopper.customerId}/points-adjustments`, body, { headers: adminHeaders, validateStatus: () => true })
        expect([bad.status, bad.data.code]).toEqual([400, "invalid_request"])
      }
      const unknown = await api.post(`/admin/customers/cus_nope/points-adjustments`, { points: 1, reason: "nobody" }, { headers: adminHeaders, validateStatus: () => true })
      expect(unknown.status).toEqual(404)
      const { data } = await api.get(`/admin/customers/${shopper.customerId}/points`, { headers: adminHeaders })
      expect(data.balance).toEqual(300)
      expect(data.entries[0]).toMatchObject({ kind: "adjust", points: 300, reason: "goodwill for a late delivery", operator_id: expect.stringMatching(/^user_/) })
      await expect(dbConnection.raw(`UPDATE points_entry SET points = 1 WHERE customer_id = ?`, [shopper.customerId])).rejects.toThrow(/append-only/)
      await expect(dbConnection.raw(`DELETE FROM points_entry WHERE customer_id = ?`, [shopper.customerId])).rejects.toThrow(/append-only/)
    })

    it("manages benefit programs in admin with validated input", async () => {
      const groups = demo.customer_groups
      const created = await api.post(
        "/admin/benefit-programs",
        { name: "Gold ¥5 off mall", customer_group_id: groups["Gold card"], scope_type: "scene", scope_value: "mall", kind: "amount_off", value: "5", quota: 3, quota_period: "day", funder: "merchant" },
        { headers: adminHeaders }
      )
      expect(created.status).toEqual(201)
      expect(created.data.benefit_program).toMatchObject({ kind: "amount_off", value: 5, quota: 3, quota_period: "day", funder: "merchant", status: "active" })
      const bad = [
        { name: "x", customer_group_id: groups["Gold card"], scope_type: "scene", scope_value: "mall", kind: "percent_off", value: 120, quota: 1, quota_period: "day", funder: "platform" },
        { name: "x", customer_group_id: groups["Gold card"], scope_type: "scene", scope_value: "mall", kind: "amount_off", value: "5.001", quota: 1, quota_period: "day", funder: "platform" },
        { name: "x", customer_group_id: groups["Gold card"], scope_type: "scene", scope_value: "mall", kind: "amount_off", value: 5, quota: 0, quota_period: "day", funder: "platform" },
        { name: "x", customer_group_id: "cusgroup_nope", scope_type: "scene", scope_value: "mall", kind: "amount_off", value: 5, quota: 1, quota_period: "day", funder: "platform" },
      ]
      for (const body of bad) {
        const res = await api.post("/admin/benefit-programs", body, { headers: adminHeaders, validateStatus: () => true })
        expect([res.status, res.data.code]).toEqual([400, "invalid_request"])
      }
      const paused = await api.post(`/admin/benefit-programs/${created.data.benefit_program.id}`, { status: "paused" }, { headers: adminHeaders })
      expect(paused.data.benefit_program.status).toEqual("paused")
      const del = await api.delete(`/admin/benefit-programs/${created.data.benefit_program.id}`, { headers: adminHeaders })
      expect(del.data.deleted).toBe(true)
    })

    it("keeps the general ledger's points liability equal to every member's outstanding points, each movement posted once", async () => {
      const outstandingFen = async () => Number((await dbConnection.raw(`SELECT COALESCE(sum(balance), 0)::bigint AS b FROM points_account`)).rows[0].b) * FEN_PER_POINT
      const ledgerFen = async () => {
        const { rows } = await dbConnection.raw(`SELECT COALESCE(sum(amount), 0)::bigint AS a FROM journal_line WHERE account_code = 'points_liability'`)
        return -Number(rows[0].a) || 0 // never -0
      }
      const pointsEntries = async () => Number((await dbConnection.raw(`SELECT count(*)::int AS n FROM journal_entry WHERE kind = 'points'`)).rows[0].n)
      // the demo customer's welcome points were posted by the seed
      expect(await ledgerFen()).toEqual(await outstandingFen())

      const shopper = await newShopper(4400)
      expect(await ledgerFen()).toEqual(await outstandingFen())
      const cartId = await cartWith(api as any, shopper, "golden-dragon-100-voucher")
      await applyRights(shopper, cartId, { points: 4400 })
      await payWithSystemProvider(api as any, shopper, cartId)
      const { data } = await completeCart(api as any, shopper, cartId)
      const [voucher] = await walletVouchersFor(api as any, shopper.headers, data.order.id, 1)
      await until("earned points in the ledger", async () => (await ledgerFen()) === (await outstandingFen()))
      // spent 4400 with the sale, earned 44 on the cash
      expect(await balanceOf(shopper.customerId)).toEqual(44)

      await api.post(`/store/wallet/vouchers/${voucher.id}/refund`, {}, { headers: shopper.headers })
      expect(await balanceOf(shopper.customerId)).toEqual(4400)
      expect(await ledgerFen()).toEqual(await outstandingFen())
      await api.post(`/admin/customers/${shopper.customerId}/points-adjustments`, { points: -400, reason: "goodwill reversed" }, { headers: adminHeaders })
      expect(await ledgerFen()).toEqual(await outstandingFen())

      // everything expires: the liability is gone, the points became breakage
      const breakageBefore = Number((await dbConnection.raw(`SELECT COALESCE(sum(amount), 0)::bigint AS a FROM journal_line WHERE account_code = 'points_breakage'`)).rows[0].a)
      const outstandingBefore = await outstandingFen()
      await expirePointsWorkflow(getContainer()).run({ input: { now: "2031-01-01T00:00:00Z" } })
      expect(await outstandingFen()).toEqual(0)
      expect(await ledgerFen()).toEqual(0)
      const breakageAfter = Number((await dbConnection.raw(`SELECT COALESCE(sum(amount), 0)::bigint AS a FROM journal_line WHERE account_code = 'points_breakage'`)).rows[0].a)
      expect(breakageBefore - breakageAfter).toEqual(outstandingBefore)

      // the nightly catch-up finds every movement already posted
      const entries = await pointsEntries()
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date())
      await settleBusinessDayWorkflow(getContainer()).run({ input: { business_date: today } })
      expect(await pointsEntries()).toEqual(entries)
      const { rows: tb } = await dbConnection.raw(`SELECT COALESCE(sum(amount), 0)::bigint AS s FROM journal_line`)
      expect(Number(tb[0].s)).toEqual(0)
    })

    it("expires points at the end of the year after they were earned", async () => {
      const shopper = await newShopper(700)
      const container = getContainer()
      // earned in 2026 (Shanghai): still good on 2027-12-31, gone from 2028-01-01 00:00 +08:00
      await expirePointsWorkflow(container).run({ input: { now: "2027-12-31T15:59:59Z" } })
      expect(await balanceOf(shopper.customerId)).toEqual(700)
      await expirePointsWorkflow(container).run({ input: { now: "2027-12-31T16:00:00Z" } })
      expect(await balanceOf(shopper.customerId)).toEqual(0)
      const ledger = await ledgerOf(shopper.customerId)
      expect(ledger.map((e: any) => [e.kind, Number(e.points)])).toEqual([["adjust", 700], ["expire", -700]])
      // a rerun finds nothing left to expire
      await expirePointsWorkflow(container).run({ input: { now: "2028-06-01T00:00:00Z" } })
      expect(await ledgerOf(shopper.customerId)).toHaveLength(2)
      await expectLedgerBalances(shopper.customerId)
    })
  },
})
