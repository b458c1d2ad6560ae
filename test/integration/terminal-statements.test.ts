import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TerminalClient } from "@palmlife/terminal-client"
import { shanghaiDate } from "../../src/lib/shanghai-time"
import { SETTLEMENT_MODULE } from "../../src/modules/settlement"
import { earnedLines, Increment } from "../../src/modules/settlement/posting-rules"
import type SettlementModuleService from "../../src/modules/settlement/service"
import { createMerchantWithTerminal } from "../support/voucher-fixtures"

// GET /terminal/v1/statements and /statements/:id: a terminal sees its own merchant's settlement
// batches (amounts in fen) and nothing of any other merchant's; bad input is a 4xx with a code.

jest.setTimeout(240 * 1000)

const DAY_MS = 86400000
const daysAgo = (n: number) => shanghaiDate(new Date(Date.now() - n * DAY_MS))

medusaIntegrationTestRunner({
  inApp: true,
  env: { TERMINAL_RATE_LIMIT_PER_10S: "100000" },
  testSuite: ({ api, getContainer }) => {
    let baseUrl: string
    let gd: Awaited<ReturnType<typeof createMerchantWithTerminal>>
    let jg: Awaited<ReturnType<typeof createMerchantWithTerminal>>
    let golden: TerminalClient
    let jade: TerminalClient
    const today = daysAgo(0)
    const older = daysAgo(40)
    let gdToday: string
    let gdOlder: string
    let jgToday: string

    /** Posts one redemption line per amount (fen) for a merchant on a day, with 5 % commission. */
    async function postRedemptions(merchantId: string, day: string, grossAmounts: number[], merchantFunded = 0) {
      const settlement: SettlementModuleService = getContainer().resolve(SETTLEMENT_MODULE)
      await settlement.postEntries(
        grossAmounts.map((gross, i) => {
          const commission = Math.floor(gross * 0.05)
          const inc: Increment = { gross, commission, merchant_funded: merchantFunded, net: gross - commission - merchantFunded }
          const key = `test-redemption:${merchantId}:${day}:${i}`
          return {
            posting_key: key,
            kind: "redemption" as const,
            business_date: day,
            merchant_id: merchantId,
            voucher_id: `ivou_test_${i}`,
            source_id: key,
            lines: earnedLines(merchantId, inc),
            settlement: { kind: "redemption" as const, increment: inc, commission_rate_id: null },
          }
        })
      )
    }

    async function settleDay(day: string) {
      const settlement: SettlementModuleService = getContainer().resolve(SETTLEMENT_MODULE)
      await settlement.closeBusinessDay(day)
      await settlement.calculateBatches(day)
      await settlement.summarizeDay(day)
    }

    async function batchId(merchantId: string, day: string) {
      const settlement: SettlementModuleService = getContainer().resolve(SETTLEMENT_MODULE)
      const [b] = await settlement.listSettlementBatches({ merchant_id: merchantId, business_date: day })
      return b.id
    }

    beforeAll(async () => {
      baseUrl = String(api.defaults.baseURL)
      gd = await createMerchantWithTerminal(getContainer(), "Golden Dragon 金龍酒家")
      jg = await createMerchantWithTerminal(getContainer(), "Jade Garden 翡翠園")
      await postRedemptions(gd.merchant.id, today, [10000, 3000, 8800], 200)
      await postRedemptions(gd.merchant.id, older, [5000])
      await postRedemptions(jg.merchant.id, today, [7000, 7000])
      await settleDay(today)
      await settleDay(older)
      gdToday = await batchId(gd.merchant.id, today)
      gdOlder = await batchId(gd.merchant.id, older)
      jgToday = await batchId(jg.merchant.id, today)
    })
    beforeEach(() => {
      golden = new TerminalClient({ baseUrl, keyId: gd.key_id, secret: gd.secret })
      jade = new TerminalClient({ baseUrl, keyId: jg.key_id, secret: jg.secret })
    })

    it("lists the terminal's own merchant's statements in fen, the last 31 days by default", async () => {
      const res = await golden.statements()
      expect(res).toMatchObject({ ok: true, status: 200 })
      if (!res.ok) return
      expect(res.data.statements).toEqual([
        {
          id: gdToday,
          business_date: today,
          status: "calculated",
          line_count: 3,
          gross_amount: 21800, // 100 + 30 + 88 yuan
          commission_amount: 500 + 150 + 440,
          merchant_funded_amount: 600,
          net_amount: 21800 - 1090 - 600,
          currency_code: "cny",
        },
      ])
      for (const s of res.data.statements) for (const k of ["gross_amount", "commission_amount", "net_amount"] as const) expect(Number.isInteger(s[k])).toBe(true)
    })

    it("lists a range newest first, and only its own merchant's days", async () => {
      const res = await golden.statements({ from: older, to: today })
      expect(res.ok && res.data.statements.map((s) => [s.id, s.business_date, s.net_amount])).toEqual([
        [gdToday, today, 20110],
        [gdOlder, older, 4750],
      ])
      const jadeRes = await jade.statements({ from: older, to: today })
      expect(jadeRes.ok && jadeRes.data.statements.map((s) => s.id)).toEqual([jgToday])
      const empty = await golden.statements({ from: daysAgo(20), to: daysAgo(10) })
      expect(empty.ok && empty.data.statements).toEqual([])
    })

    it("shows one statement with its lines, keyset-paged", async () => {
      const res = await golden.statement(gdToday)
      expect(res.ok).toBe(true)
      if (!res.ok) return
      expect(res.data.statement).toMatchObject({ id: gdToday, business_date: today, line_count: 3, net_amount: 20110 })
      expect(res.data.next_after).toBeNull()
      expect(res.data.lines).toHaveLength(3)
      expect(res.data.lines.map((l) => l.gross).sort((a, b) => a - b)).toEqual([3000, 8800, 10000])
      for (const l of res.data.lines) {
        expect(l).toMatchObject({ kind: "redemption", business_date: today, merchant_funded: 200 })
        expect(l.net).toEqual(l.gross - l.commission - l.merchant_funded)
        expect(Number.isNaN(Date.parse(l.created_at))).toBe(false)
      }
      expect(res.data.lines.reduce((s, l) => s + l.net, 0)).toEqual(res.data.statement.net_amount)

      const seen: string[] = []
      let after: string | undefined
      for (let i = 0; i < 5; i++) {
        const page = await golden.statement(gdToday, { limit: 2, after })
        if (!page.ok) throw new Error(JSON.stringify(page))
        seen.push(...page.data.lines.map((l) => l.id))
        if (!page.data.next_after) break
        after = page.data.next_after
      }
      expect(seen).toEqual(res.data.lines.map((l) => l.id))
    })

    it("answers another merchant's statement exactly like an unknown one: 404 statement_not_found", async () => {
      const foreign = await jade.statement(gdToday)
      const unknown = await jade.statement("sbat_00000000000000000000000000000000")
      expect(foreign).toEqual({ ok: false, status: 404, error: { code: "statement_not_found", message: expect.any(String) } })
      expect(unknown).toEqual(foreign)
      const reverse = await golden.statement(jgToday)
      expect(reverse.ok ? 200 : [reverse.status, reverse.error.code]).toEqual([404, "statement_not_found"])
      // its own statement is still there
      expect((await jade.statement(jgToday)).status).toEqual(200)
    })

    it("refuses bad input with 400 invalid_request and never a 500", async () => {
      const bad = async (path: string) => {
        const res = await golden.send({ method: "GET", path })
        return res.ok ? res.status : [res.status, res.error.code]
      }
      const invalid = [400, "invalid_request"]
      expect(await bad("/terminal/v1/statements?from=2026-13-01")).toEqual(invalid)
      expect(await bad("/terminal/v1/statements?from=2026-02-30")).toEqual(invalid)
      expect(await bad("/terminal/v1/statements?from=yesterday")).toEqual(invalid)
      expect(await bad(`/terminal/v1/statements?from=${today}&to=${older}`)).toEqual(invalid)
      expect(await bad(`/terminal/v1/statements?from=${daysAgo(200)}&to=${today}`)).toEqual(invalid)
      expect(await bad("/terminal/v1/statements?merchant_id=anything")).toEqual(invalid)
      expect(await bad(`/terminal/v1/statements/${gdToday}?limit=0`)).toEqual(invalid)
      expect(await bad(`/terminal/v1/statements/${gdToday}?limit=abc`)).toEqual(invalid)
      expect(await bad(`/terminal/v1/statements/${gdToday}?limit=501`)).toEqual(invalid)
      expect(await bad(`/terminal/v1/statements/${gdToday}?after=x%27or%271`)).toEqual(invalid)
      expect(await bad("/terminal/v1/statements/not%20an%20id")).toEqual(invalid)
      expect(await bad(`/terminal/v1/statements/${gdToday}?merchant_id=${jg.merchant.id}`)).toEqual(invalid)
    })

    it("requires a signed request", async () => {
      const res = await fetch(`${baseUrl}/terminal/v1/statements`)
      expect(res.status).toEqual(401)
      expect(await res.json()).toMatchObject({ code: "unauthorized" })
      const wrongSecret = new TerminalClient({ baseUrl, keyId: gd.key_id, secret: "not-the-secret" })
      const denied = await wrongSecret.statement(gdToday)
      expect(denied.ok ? 200 : [denied.status, denied.error.code]).toEqual([401, "unauthorized"])
    })
  },
})
