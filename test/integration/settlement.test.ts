import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TerminalClient } from "@palmlife/terminal-client"
import { shanghaiDate } from "../../src/lib/shanghai-time"
import { SETTLEMENT_MODULE } from "../../src/modules/settlement"
import seed from "../../src/scripts/seed"
import { expireVouchersWorkflow } from "../../src/workflows/expire-vouchers"
import { settleBusinessDayWorkflow } from "../../src/workflows/settle-business-day"
import { postVoucherActivity } from "../../src/workflows/settlement-postings"
import { buyThroughStoreApi, walletVouchersFor } from "../support/store-purchase"

jest.setTimeout(300 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-settle-")), "demo.json")
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400000).toISOString().slice(0, 10)

// one failure on demand between "batches calculated" and "summarized", as a crash midway would leave it
let crashOnce = false
settleBusinessDayWorkflow.hooks.batchesCalculated(() => {
  if (crashOnce) {
    crashOnce = false
    throw new Error("simulated crash between batch steps")
  }
})

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let demo: any
    let headers: Record<string, string>
    let admin: { headers: Record<string, string> }
    let goldenDragonId: string
    const today = shanghaiDate(new Date())

    const terminal = () => new TerminalClient({ baseUrl: String(api.defaults.baseURL), keyId: demo.terminal.key_id, secret: demo.terminal.secret })
    const trialBalance = async () => (await api.get("/admin/ledger/trial-balance", admin)).data
    const accountBalance = async (code: string) => (await trialBalance()).accounts.find((a: any) => a.code === code)?.balance ?? 0
    const batchesOn = async (date: string) => (await api.get(`/admin/settlements?business_date=${date}`, admin)).data
    const lineRows = async () => (await dbConnection.raw(`SELECT count(*)::int AS n FROM settlement_line`)).rows[0].n

    const setRates = async () => {
      expect((await api.post("/admin/commission-rates", { scope_type: "global", kind: "percentage", value: 10, effective_from: today }, admin)).status).toEqual(201)
      // Golden Dragon negotiated 5%: more specific than the global 10%
      expect((await api.post("/admin/commission-rates", { scope_type: "merchant", scope_id: goldenDragonId, kind: "percentage", value: 5, effective_from: today }, admin)).status).toEqual(201)
    }
    /** buys a ¥88 / ¥100 Golden Dragon voucher and redeems 30%, 20% (reversed), then the rest */
    const redeemOneVoucherFully = async () => {
      const order = await buyThroughStoreApi(api as any, headers, demo.customer.email, 1)
      const [voucher] = await walletVouchersFor(api as any, headers, order.id, 1)
      const t = terminal()
      const first = await t.redeem(voucher.code, { amount: 3000 })
      expect(first.ok ? "ok" : JSON.stringify((first as any).error)).toEqual("ok")
      const second = await t.redeem(voucher.code, { amount: 2000 })
      expect(second.ok).toBe(true)
      expect((await t.reverse((second as any).data.redemption.id)).ok).toBe(true)
      expect((await t.redeem(voucher.code, { amount: 7000 })).ok).toBe(true)
      return voucher
    }

    // the runner restores the seeded database before every test: each test sets up what it needs
    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
      const login = await api.post("/auth/user/emailpass", demo.admin)
      admin = { headers: { authorization: `Bearer ${login.data.token}` } }
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      headers = { authorization: `Bearer ${auth.data.token}`, "x-publishable-api-key": demo.publishable_key }
      const { data } = await api.get("/admin/merchants?q=Golden", admin)
      goldenDragonId = data.merchants.find((m: any) => m.name.includes("Golden Dragon")).id
    })

    it("refuses commission rates for past days and bad input, and takes the most specific rate", async () => {
      const bad = [
        { scope_type: "global", kind: "percentage", value: 10, effective_from: "2020-01-01" },
        { scope_type: "global", kind: "percentage", value: 101, effective_from: today },
        { scope_type: "merchant", kind: "percentage", value: 5, effective_from: today },
        { scope_type: "global", kind: "percentage", value: "ten", effective_from: today },
      ]
      for (const body of bad) {
        const res = await api.post("/admin/commission-rates", body, { ...admin, validateStatus: () => true })
        expect([res.status, res.data.code]).toEqual([400, "invalid_request"])
      }
      await setRates()
      const dup = await api.post("/admin/commission-rates", { scope_type: "global", kind: "percentage", value: 12, effective_from: today }, { ...admin, validateStatus: () => true })
      expect([dup.status, dup.data.code]).toEqual([400, "invalid_request"])
      const { data } = await api.get("/admin/commission-rates", admin)
      // the demo's rates since 2026-01-01, and today's new ones
      expect(data.commission_rates.map((r: any) => [r.scope_type, r.value, r.effective_from === today ? "today" : r.effective_from]).sort()).toEqual(
        [["global", 10, "today"], ["global", 6, "2026-01-01"], ["merchant", 5, "2026-01-01"], ["merchant", 5, "today"]].sort()
      )
    })

    it("posts sale, redemptions and a reversal; settles the day per merchant; a rerun changes nothing; the trial balance sums to zero", async () => {
      await setRates()
      const voucher = await redeemOneVoucherFully()
      // posted by the voucher.redeemed / voucher.redemption_reversed subscribers, no batch needed
      const viaEvents = await (async () => {
        for (let i = 0; i < 50; i++) {
          const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM settlement_line WHERE voucher_id = ?`, [voucher.id])
          if (rows[0].n === 4) return rows[0].n
          await new Promise((r) => setTimeout(r, 200))
        }
        return -1
      })()
      expect(viaEvents).toEqual(4)

      const run = await api.post("/admin/settlements/run", { business_date: today }, admin)
      const gd = run.data.settlements.find((s: any) => s.merchant_id === goldenDragonId)
      // 30% → 26.40 (5% = 1.32), 20% → 17.60 (0.88) reversed, then up to 100% → 61.60 (3.08): ¥88 gross, ¥4.40 commission
      expect(gd).toMatchObject({ business_date: today, status: "calculated", line_count: 4, gross_amount: 88, commission_amount: 4.4, merchant_funded_amount: 0, net_amount: 83.6, currency_code: "cny" })
      // posted in one catch-up transaction (same created_at), so compare as a set
      const { rows: lines } = await dbConnection.raw(`SELECT kind, gross, commission, net FROM settlement_line WHERE voucher_id = ? ORDER BY gross`, [voucher.id])
      expect(lines.map((l: any) => [l.kind, Number(l.gross), Number(l.commission)])).toEqual([
        ["reversal", -1760, -88], ["redemption", 1760, 88], ["redemption", 2640, 132], ["redemption", 6160, 308],
      ])

      // the terminal's redemptions reached the ledger through their events, before any batch ran
      const { rows: posted } = await dbConnection.raw(`SELECT count(*)::int AS n FROM journal_entry WHERE voucher_id = ?`, [voucher.id])
      expect(posted[0].n).toEqual(4)

      const linesBefore = await lineRows()
      const again = await api.post("/admin/settlements/run", { business_date: today }, admin)
      expect(again.data.settlements).toEqual(run.data.settlements)
      expect(await lineRows()).toEqual(linesBefore)

      const tb = await trialBalance()
      expect(tb.total_debit).toEqual(tb.total_credit)
      expect(tb.balanced).toBe(true)
      expect(await accountBalance(`merchant_payable:${goldenDragonId}`)).toEqual(-83.6)
      expect(await accountBalance(`deferred_revenue:${goldenDragonId}`)).toEqual(0)
      expect(await accountBalance("commission_revenue")).toEqual(-4.4)

      const list = await batchesOn(today)
      expect(list.totals.net_amount).toEqual(list.settlements.reduce((s: number, b: any) => s + Math.round(b.net_amount * 100), 0) / 100)

      // lifecycle: approve, pay with who and when; wrong transitions refused; payout file and statement
      expect(gd.id).toMatch(/^sbat_/)
      const payEarly = await api.post(`/admin/settlements/${gd.id}/pay`, {}, { ...admin, validateStatus: () => true })
      expect([payEarly.status, payEarly.data.code]).toEqual([400, "invalid_state"])
      const approved = await api.post(`/admin/settlements/${gd.id}/approve`, {}, admin)
      expect(approved.data.settlement).toMatchObject({ status: "approved", approved_by: expect.stringMatching(/^user_/) })

      const csv = await api.get(`/admin/settlements/payout-file?business_date=${today}`, admin)
      expect(csv.headers["content-type"]).toMatch(/text\/csv/)
      const rows = String(csv.data).replace(/^\ufeff/, "").trim().split("\r\n")
      expect(rows[0]).toEqual("merchant_id,merchant,account,amount_fen,amount_yuan,currency,reference")
      const gdRow = rows.find((r) => r.startsWith(goldenDragonId))!
      expect(gdRow.split(",").slice(3, 6)).toEqual(["8360", "83.60", "CNY"])

      const paid = await api.post(`/admin/settlements/${gd.id}/pay`, { reference: "BANK-20261128-001" }, admin)
      expect(paid.data.settlement).toMatchObject({ status: "paid", payout_reference: "BANK-20261128-001", paid_by: expect.stringMatching(/^user_/) })
      expect(await accountBalance(`merchant_payable:${goldenDragonId}`)).toEqual(0)
      const failPaid = await api.post(`/admin/settlements/${gd.id}/fail`, { reason: "too late" }, { ...admin, validateStatus: () => true })
      expect([failPaid.status, failPaid.data.code]).toEqual([400, "invalid_state"])

      const statement = await api.get(`/admin/settlements/${gd.id}/statement`, admin)
      const srows = String(statement.data).replace(/^\ufeff/, "").trim().split("\r\n")
      expect(srows).toHaveLength(2 + 4 + 1)
      expect(srows[srows.length - 1].split(",").slice(5)).toEqual(["8800", "440", "0", "8360", "88.00", "4.40", "0.00", "83.60"])

      const detail = await api.get(`/admin/settlements/${gd.id}?limit=2`, admin)
      expect(detail.data.lines).toHaveLength(2)
      const rest = await api.get(`/admin/settlements/${gd.id}?limit=2&after=${detail.data.next_after}`, admin)
      expect(rest.data.lines).toHaveLength(2)
    })

    it("posts many cards' terminal activity in one run, each redemption exactly once even when runs overlap", async () => {
      await setRates()
      const order = await buyThroughStoreApi(api as any, headers, demo.customer.email, 3)
      const cards = await walletVouchersFor(api as any, headers, order.id, 3)
      const t = terminal()
      for (const [i, card] of cards.entries()) {
        for (let k = 0; k <= i; k++) expect((await t.redeem(card.code, { amount: 1000 })).ok).toBe(true)
      }
      const ids = cards.map((c: any) => c.id)
      // what overlapping subscriber windows and the nightly catch-up may do: the same cards at once
      await Promise.all([postVoucherActivity(getContainer(), ids), postVoucherActivity(getContainer(), ids), postVoucherActivity(getContainer(), [...ids].reverse())])
      const { rows } = await dbConnection.raw(
        `SELECT voucher_id, count(*)::int AS n, sum(gross)::int AS gross, sum(commission)::int AS commission FROM settlement_line WHERE voucher_id = ANY(?) GROUP BY voucher_id`,
        [ids]
      )
      const byCard = new Map(rows.map((r: any) => [r.voucher_id, r]))
      // ¥10 of a ¥100 card sold for ¥88 earns ¥8.80 gross, 5% commission 44 fen, per redemption
      cards.forEach((card: any, i: number) => expect(byCard.get(card.id)).toEqual({ voucher_id: card.id, n: i + 1, gross: 880 * (i + 1), commission: 44 * (i + 1) }))
      const { rows: keys } = await dbConnection.raw(`SELECT count(*)::int AS n, count(DISTINCT posting_key)::int AS distinct_keys FROM journal_entry WHERE voucher_id = ANY(?)`, [ids])
      expect(keys[0]).toEqual({ n: 6, distinct_keys: 6 })
      expect(await postVoucherActivity(getContainer(), ids)).toEqual(0)
      const tb = await trialBalance()
      expect(tb.total_debit).toEqual(tb.total_credit)
    })

    it("lines posted after a day was settled roll to the next day; a run that crashes midway finishes on rerun with the same totals", async () => {
      await setRates()
      await api.post("/admin/settlements/run", { business_date: today }, admin)
      const order = await buyThroughStoreApi(api as any, headers, demo.customer.email, 1)
      const [voucher] = await walletVouchersFor(api as any, headers, order.id, 1)
      expect((await terminal().redeem(voucher.code, { amount: 5000 })).ok).toBe(true)
      await postVoucherActivity(getContainer(), voucher.id) // what the redemption event's subscriber does
      const { rows } = await dbConnection.raw(`SELECT business_date, settle_date FROM settlement_line WHERE voucher_id = ?`, [voucher.id])
      const tomorrow = nextDay(today)
      expect(rows).toEqual([{ business_date: today, settle_date: tomorrow }])
      // today's batches were made before it and do not change
      expect((await batchesOn(today)).settlements.find((s: any) => s.merchant_id === goldenDragonId)).toBeUndefined()

      crashOnce = true
      const crashed = await settleBusinessDayWorkflow(getContainer()).run({ input: { business_date: tomorrow }, throwOnError: false })
      expect(crashed.errors.length).toBeGreaterThan(0)
      const linesBefore = await lineRows()
      const { result } = await settleBusinessDayWorkflow(getContainer()).run({ input: { business_date: tomorrow } })
      expect(result.batch_count).toEqual(1)
      // ¥44 gross for half of the voucher, 5% → ¥2.20
      expect((await batchesOn(tomorrow)).settlements).toEqual([expect.objectContaining({ merchant_id: goldenDragonId, line_count: 1, gross_amount: 44, commission_amount: 2.2, net_amount: 41.8 })])

      // a crash with no compensation at all: the day closed and batches written, the summary never ran
      const settlement: any = getContainer().resolve(SETTLEMENT_MODULE)
      const dayAfter = nextDay(tomorrow)
      await settlement.closeBusinessDay(dayAfter)
      await settlement.calculateBatches(dayAfter)
      await settleBusinessDayWorkflow(getContainer()).run({ input: { business_date: dayAfter } })
      await settleBusinessDayWorkflow(getContainer()).run({ input: { business_date: tomorrow } })
      expect((await batchesOn(tomorrow)).settlements).toHaveLength(1)
      expect(await lineRows()).toEqual(linesBefore)
      const tb = await trialBalance()
      expect(tb.total_debit).toEqual(tb.total_credit)
    })

    it("posts a refund back to each funder and expiries as breakage for the merchant or the platform, per contract", async () => {
      await setRates()
      const buyAndRedeem = async (fen: number) => {
        const order = await buyThroughStoreApi(api as any, headers, demo.customer.email, 1)
        const [voucher] = await walletVouchersFor(api as any, headers, order.id, 1)
        expect((await terminal().redeem(voucher.code, { amount: fen })).ok).toBe(true)
        await postVoucherActivity(getContainer(), voucher.id)
        return voucher
      }
      const clearingBefore = await accountBalance("provider_clearing")
      // refund after 30% was used: ¥61.60 back to the card, nothing left deferred
      const refunded = await buyAndRedeem(3000)
      const refund = await api.post(`/store/wallet/vouchers/${refunded.id}/refund`, {}, { headers })
      expect(refund.data.refund.amount).toEqual(61.6)
      const { rows: refundEntries } = await dbConnection.raw(`SELECT kind FROM journal_entry WHERE voucher_id = ? ORDER BY kind`, [refunded.id])
      expect(refundEntries.map((e: any) => e.kind)).toEqual(["redemption", "refund"])
      expect(await accountBalance("provider_clearing")).toEqual(Math.round((clearingBefore + 88 - 61.6) * 100) / 100)
      expect(await accountBalance(`deferred_revenue:${goldenDragonId}`)).toEqual(0)

      // Golden Dragon keeps breakage: the unused 60% settles to it like a redemption (¥52.80, 5% commission)
      const terms = await api.post(`/admin/merchants/${goldenDragonId}/settlement-terms`, { breakage: "merchant" }, admin)
      expect(terms.data.settlement_terms.breakage).toEqual("merchant")
      const kept = await buyAndRedeem(4000)
      const later = new Date(Date.now() + 400 * 24 * 3600 * 1000)
      const expired = await expireVouchersWorkflow(getContainer()).run({ input: { now: later.toISOString() } })
      expect(expired.result.expired).toContain(kept.id)
      const { rows: breakage } = await dbConnection.raw(`SELECT kind, gross, commission, net FROM settlement_line WHERE voucher_id = ? AND kind = 'breakage'`, [kept.id])
      expect(breakage.map((l: any) => [Number(l.gross), Number(l.commission), Number(l.net)])).toEqual([[5280, 264, 5016]])
      expect(await accountBalance(`deferred_revenue:${goldenDragonId}`)).toEqual(0)

      // the platform keeps it: no merchant line, breakage revenue instead
      await api.post(`/admin/merchants/${goldenDragonId}/settlement-terms`, { breakage: "platform" }, admin)
      const lapsed = await buyAndRedeem(1000)
      const breakageBefore = await accountBalance("breakage_revenue")
      await expireVouchersWorkflow(getContainer()).run({ input: { now: new Date(later.getTime() + 1000).toISOString() } })
      const { rows: lapsedLines } = await dbConnection.raw(`SELECT kind FROM settlement_line WHERE voucher_id = ?`, [lapsed.id])
      expect(lapsedLines.map((l: any) => l.kind)).toEqual(["redemption"])
      expect(await accountBalance("breakage_revenue")).toEqual(Math.round((breakageBefore - 79.2) * 100) / 100)
      const tb = await trialBalance()
      expect(tb.total_debit).toEqual(tb.total_credit)
    })

    it("keeps the journal append-only and every entry balanced", async () => {
      await redeemOneVoucherFully()
      await api.post("/admin/settlements/run", { business_date: today }, admin)
      await expect(dbConnection.raw(`UPDATE journal_line SET amount = amount + 1`)).rejects.toThrow(/append-only/)
      await expect(dbConnection.raw(`DELETE FROM journal_entry`)).rejects.toThrow(/append-only/)
      const { rows } = await dbConnection.raw(`SELECT entry_id FROM journal_line GROUP BY entry_id HAVING sum(amount) <> 0`)
      expect(rows).toEqual([])
      // an entry whose lines do not sum to zero cannot commit
      await expect(
        dbConnection.raw(`BEGIN;
          INSERT INTO journal_entry (id, posting_key, kind, business_date, created_at, updated_at) VALUES ('jent_x', 'test:unbalanced', 'sale', '${today}', now(), now());
          INSERT INTO journal_line (id, entry_id, account_code, amount, created_at, updated_at) VALUES ('jlin_x', 'jent_x', 'bank', 1, now(), now());
          COMMIT;`)
      ).rejects.toThrow(/does not sum to zero/)
      await dbConnection.raw(`ROLLBACK`).catch(() => undefined)
      expect((await dbConnection.raw(`SELECT count(*)::int AS n FROM journal_entry WHERE id = 'jent_x'`)).rows[0].n).toEqual(0)
    })

    it("rejects bad settlement input with a machine code", async () => {
      for (const body of [{}, { business_date: "2026-02-30" }, { business_date: "28/11/2026" }, { business_date: today, extra: 1 }]) {
        const res = await api.post("/admin/settlements/run", body, { ...admin, validateStatus: () => true })
        expect([res.status, res.data.code]).toEqual([400, "invalid_request"])
      }
      const q = await api.get("/admin/settlements?status=done", { ...admin, validateStatus: () => true })
      expect([q.status, q.data.code]).toEqual([400, "invalid_request"])
      const missing = await api.post("/admin/settlements/sbat_missing/approve", {}, { ...admin, validateStatus: () => true })
      expect(missing.status).toEqual(404)
      const reason = await api.post("/admin/settlements/sbat_missing/fail", { reason: "" }, { ...admin, validateStatus: () => true })
      expect([reason.status, reason.data.code]).toEqual([400, "invalid_request"])
    })
  },
})
