import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { TerminalClient, randomToken, signRequest } from "@palmlife/terminal-client"
import { MERCHANT_MODULE } from "../../src/modules/merchant"
import { redeemAmount, redeemBlocker, VoucherRow } from "../../src/modules/voucher/redeem-rules"
import { redemptionView, voucherView } from "../../src/modules/voucher/service"
import { TERMINAL_ERRORS } from "../../src/modules/voucher/terminal-errors"
import { createMerchantWithTerminal, issueTestVoucher } from "../support/voucher-fixtures"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { TERMINAL_RATE_LIMIT_PER_10S: "100000" },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let baseUrl: string
    let a: Awaited<ReturnType<typeof createMerchantWithTerminal>>
    let b: Awaited<ReturnType<typeof createMerchantWithTerminal>>
    let clientA: TerminalClient
    let clientB: TerminalClient

    beforeAll(async () => {
      baseUrl = String(api.defaults.baseURL)
      a = await createMerchantWithTerminal(getContainer(), "Golden Dragon 金龍酒家")
      b = await createMerchantWithTerminal(getContainer(), "Jade Garden 翡翠園")
    })
    beforeEach(() => {
      clientA = new TerminalClient({ baseUrl, keyId: a.key_id, secret: a.secret })
      clientB = new TerminalClient({ baseUrl, keyId: b.key_id, secret: b.secret })
    })

    describe("verify", () => {
      it("shows a redeemable voucher and changes nothing", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const res = await clientA.verify(code)
        expect(res).toMatchObject({ ok: true, status: 200 })
        if (!res.ok) return
        expect(res.data.voucher).toMatchObject({ redeemable: true, balance: 10000, face_value: 10000, usage: "stored_value" })
        const again = await clientA.verify(code)
        expect(again.ok && again.data.voucher.balance).toEqual(10000)
      })

      it("accepts the scanned QR payload as well as typed digits with spaces", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        expect((await clientA.verify(`PALMLIFE:V1:${code}`)).status).toEqual(200)
        expect((await clientA.verify(`${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`)).status).toEqual(200)
      })

      it("answers another merchant's code exactly like an unknown code", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const foreign = await clientB.verify(code)
        const unknown = await clientB.verify("123456789012")
        expect(foreign).toEqual({ ok: false, status: 404, error: { code: "voucher_not_found", message: expect.any(String) } })
        expect(unknown).toEqual(foreign)
        const foreignRedeem = await clientB.redeem(code, { amount: 100 })
        expect(foreignRedeem.ok ? 0 : foreignRedeem.status).toEqual(404)
      })

      it("tells why a voucher cannot be used: expired, not yet valid, other store", async () => {
        const expired = await issueTestVoucher(getContainer(), a.merchant.id, { expires_at: new Date(Date.now() - 1000) })
        const future = await issueTestVoucher(getContainer(), a.merchant.id, { valid_from: new Date(Date.now() + 86400000) })
        const elsewhere = await issueTestVoucher(getContainer(), a.merchant.id, { allowed_store_ids: ["mst_other"] })
        for (const [code, reason] of [[expired.code, "voucher_expired"], [future.code, "voucher_not_yet_valid"], [elsewhere.code, "not_valid_at_this_store"]]) {
          const res = await clientA.verify(code)
          expect(res.ok && [res.data.voucher.redeemable, res.data.voucher.reason]).toEqual([false, reason])
          const redeem = await clientA.redeem(code, { amount: 100 })
          expect(redeem.ok ? "ok" : redeem.error.code).toEqual(reason)
        }
      })
    })

    describe("redeem under concurrency", () => {
      it("50 parallel redeems of one single-use code: exactly 1 succeeds, 49 already redeemed", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id, { usage: "single_use", face_value: 8800 })
        const results = await Promise.all(Array.from({ length: 50 }, () => clientA.redeem(code)))
        expect(results.filter((r) => r.ok).length).toEqual(1)
        const codes = results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error.code))
        expect(codes).toEqual(Array(49).fill("voucher_already_redeemed"))
        const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n, sum(amount)::int AS total FROM redemption r JOIN issued_voucher v ON v.id = r.voucher_id WHERE v.code_hmac IS NOT NULL AND r.amount = 8800`)
        expect(rows[0]).toEqual({ n: 1, total: 8800 })
      })

      it("50 parallel ¥10 redeems of a ¥100 stored-value voucher: exactly 10 succeed, balance 0", async () => {
        const { voucher, code } = await issueTestVoucher(getContainer(), a.merchant.id, { face_value: 10000 })
        const results = await Promise.all(Array.from({ length: 50 }, () => clientA.redeem(code, { amount: 1000 })))
        expect(results.filter((r) => r.ok).length).toEqual(10)
        const failures = results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error.code))
        expect(new Set(failures)).toEqual(new Set(["voucher_already_redeemed"]))
        const { rows } = await dbConnection.raw(`SELECT balance, status FROM issued_voucher WHERE id = ?`, [voucher.id])
        expect(rows[0]).toEqual({ balance: 0, status: "redeemed" })
        const sum = await dbConnection.raw(`SELECT sum(amount)::int AS total FROM redemption WHERE voucher_id = ?`, [voucher.id])
        expect(sum.rows[0].total).toEqual(10000)
      })

      it("refuses more than the balance with insufficient_balance and leaves it untouched", async () => {
        const { voucher, code } = await issueTestVoucher(getContainer(), a.merchant.id, { face_value: 5000 })
        const res = await clientA.redeem(code, { amount: 5001 })
        expect(res.ok ? 0 : [res.status, res.error.code]).toEqual([422, "insufficient_balance"])
        const { rows } = await dbConnection.raw(`SELECT balance FROM issued_voucher WHERE id = ?`, [voucher.id])
        expect(rows[0].balance).toEqual(5000)
      })
    })

    describe("redeem rules: redeem-rules.ts and its SQL port (voucher_redeem_check) agree", () => {
      const DAY = 86400000
      const base = Date.parse("2026-11-28T04:00:00.000Z")
      const instant = fc.integer({ min: -10 * DAY, max: 10 * DAY }).map((d) => new Date(base + d))
      const voucher = fc.record({
        status: fc.constantFrom("active", "partially_redeemed", "redeemed", "expired", "refunded", "void"),
        usage: fc.constantFrom("single_use", "stored_value"),
        balance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
        valid_from: fc.option(instant),
        expires_at: fc.option(instant),
        allowed_store_ids: fc.record({ ids: fc.subarray(["mst_a", "mst_b", "mst_c"]) }),
        allowed_weekdays: fc.record({ days: fc.subarray([1, 2, 3, 4, 5, 6, 7, 0, 8]) }),
      })

      /** redeemAtTerminal's answer per redeem-rules.ts: an error, or the amount taken */
      function tsRules(v: Omit<VoucherRow, "id" | "merchant_id" | "face_value">, store: string, now: Date, requested: number | undefined) {
        const row: VoucherRow = { id: "v", merchant_id: "m", face_value: 5000, ...v }
        const blocker = redeemBlocker(row, store, now)
        if (blocker) return { code: blocker.code, message: blocker.message, amount: null }
        const take = redeemAmount(row, requested)
        return "code" in take ? { code: take.code, message: take.message, amount: null } : { code: null, message: null, amount: take.amount }
      }

      it("for generated vouchers, stores, instants and amounts", async () => {
        await fc.assert(
          fc.asyncProperty(voucher, fc.constantFrom("mst_a", "mst_x"), instant, fc.option(fc.integer({ min: 1, max: 6000 }), { nil: undefined }), async (v, store, now, requested) => {
            const { rows } = await dbConnection.raw(
              `SELECT code, message, amount FROM voucher_redeem_check(?::text, ?::text, ?::integer, ?::timestamptz, ?::timestamptz, ?::jsonb, ?::jsonb, ?::text, ?::timestamptz, ?::integer)`,
              [v.status, v.usage, v.balance, v.valid_from, v.expires_at, JSON.stringify(v.allowed_store_ids), JSON.stringify(v.allowed_weekdays), store, now, requested ?? null]
            )
            expect(rows[0]).toEqual(tsRules(v, store, now, requested))
          }),
          { numRuns: 400 }
        )
      })

      it("on the edges: expiry and validity to the millisecond, Shanghai midnight, weekday lists", async () => {
        const now = new Date("2026-11-29T15:59:59.999Z") // Sunday 23:59:59.999 in Shanghai
        const cases: [Omit<VoucherRow, "id" | "merchant_id" | "face_value">, Date][] = []
        const v = { status: "active", usage: "stored_value", balance: 100, valid_from: null, expires_at: null, allowed_store_ids: { ids: [] }, allowed_weekdays: { days: [] } }
        for (const at of [now, new Date(now.getTime() + 1)]) {
          cases.push([{ ...v, expires_at: at }, now], [{ ...v, valid_from: at }, now])
          cases.push([{ ...v, allowed_weekdays: { days: [7] } }, at], [{ ...v, allowed_weekdays: { days: [1, 7, 3] } }, at], [{ ...v, allowed_weekdays: { days: [1] } }, at])
        }
        for (const [c, at] of cases) {
          const { rows } = await dbConnection.raw(
            `SELECT code, message, amount FROM voucher_redeem_check(?, ?, ?, ?::timestamptz, ?::timestamptz, ?::jsonb, ?::jsonb, ?, ?::timestamptz, ?::integer)`,
            [c.status, c.usage, c.balance, c.valid_from, c.expires_at, JSON.stringify(c.allowed_store_ids), JSON.stringify(c.allowed_weekdays), "mst_a", at, 50]
          )
          expect(rows[0]).toEqual(tsRules(c, "mst_a", at, 50))
        }
      })

      it("answers each code with the contract's HTTP status", async () => {
        const codes = ["invalid_request", "voucher_not_found", "voucher_already_redeemed", "voucher_refunded", "idempotency_conflict",
          "voucher_expired", "voucher_not_yet_valid", "not_valid_at_this_store", "insufficient_balance"] as const
        for (const code of codes) {
          const { rows } = await dbConnection.raw(`SELECT voucher_terminal_error_status(?) AS status`, [code])
          expect([code, rows[0].status]).toEqual([code, TERMINAL_ERRORS[code]])
        }
      })

      it("a redemption's response shows the redemption and the voucher as voucherView and redemptionView do", async () => {
        const { voucher: issued, code } = await issueTestVoucher(getContainer(), a.merchant.id, { valid_from: new Date(Date.now() - 60000) })
        const res = await clientA.redeem(code, { amount: 1234 })
        if (!res.ok) throw new Error(res.error.message)
        const v = await dbConnection.raw(`SELECT * FROM issued_voucher WHERE id = ?`, [issued.id])
        const r = await dbConnection.raw(`SELECT * FROM redemption WHERE id = ?`, [res.data.redemption.id])
        expect(res.data).toEqual({ voucher: voucherView(v.rows[0]), redemption: redemptionView(r.rows[0]) })
        expect(res.data.voucher).toMatchObject({ balance: 10000 - 1234, status: "partially_redeemed" })
      })
    })

    describe("idempotency", () => {
      it("same key and body: identical response, one redemption; other body: 409 idempotency_conflict", async () => {
        const { voucher, code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const key = randomToken(12)
        const [first, ...replays] = await Promise.all(Array.from({ length: 5 }, () => clientA.redeem(code, { amount: 3000, idempotencyKey: key })))
        expect(first.status).toEqual(201)
        for (const r of replays) expect(r).toEqual(first)
        const later = await clientA.redeem(code, { amount: 3000, idempotencyKey: key })
        expect(later).toEqual(first)
        const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM redemption WHERE voucher_id = ?`, [voucher.id])
        expect(rows[0].n).toEqual(1)
        const conflict = await clientA.redeem(code, { amount: 2000, idempotencyKey: key })
        expect(conflict.ok ? 0 : [conflict.status, conflict.error.code]).toEqual([409, "idempotency_conflict"])
      })
    })

    describe("reverse", () => {
      it("undoes a redemption inside the window, once; other merchants cannot", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const redeemed = await clientA.redeem(code, { amount: 3000 })
        if (!redeemed.ok) throw new Error(redeemed.error.message)
        expect(redeemed.data.voucher).toMatchObject({ balance: 7000, status: "partially_redeemed" })
        const foreign = await clientB.reverse(redeemed.data.redemption.id)
        expect(foreign.ok ? 0 : foreign.status).toEqual(404)
        const reversed = await clientA.reverse(redeemed.data.redemption.id)
        expect(reversed.ok && reversed.data.voucher).toMatchObject({ balance: 10000, status: "active" })
        const twice = await clientA.reverse(redeemed.data.redemption.id)
        expect(twice.ok ? 0 : twice.error.code).toEqual("redemption_already_reversed")
      })

      it("refuses after the reversal window with reversal_window_closed", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const redeemed = await clientA.redeem(code, { amount: 1000 })
        if (!redeemed.ok) throw new Error(redeemed.error.message)
        await dbConnection.raw(`UPDATE redemption SET created_at = now() - interval '31 minutes' WHERE id = ?`, [redeemed.data.redemption.id])
        const res = await clientA.reverse(redeemed.data.redemption.id)
        expect(res.ok ? 0 : [res.status, res.error.code]).toEqual([409, "reversal_window_closed"])
      })

      it("lists this store's redemptions for today", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const redeemed = await clientA.redeem(code, { amount: 1200 })
        const list = await clientA.redemptions()
        expect(list.ok && list.data.redemptions.map((r) => r.id)).toContain(redeemed.ok && redeemed.data.redemption.id)
        const other = await clientB.redemptions()
        expect(other.ok && other.data.count).toEqual(0)
      })
    })

    describe("authentication", () => {
      const signed = async (headers: Record<string, string>, body = JSON.stringify({ code: "123456789012" })) =>
        fetch(`${baseUrl}/terminal/v1/verify`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body })

      async function headersFor(secret: string, opts: { ts?: number; nonce?: string; body?: string; path?: string } = {}) {
        const ts = String(opts.ts ?? Math.floor(Date.now() / 1000))
        const nonce = opts.nonce ?? randomToken(16)
        const body = opts.body ?? JSON.stringify({ code: "123456789012" })
        return { "x-terminal-key": a.key_id, "x-timestamp": ts, "x-nonce": nonce, "x-signature": await signRequest(secret, "POST", opts.path ?? "/terminal/v1/verify", ts, nonce, body) }
      }

      it("rejects a bad signature, a stale timestamp, a replayed nonce and missing headers with 401", async () => {
        const bad = await signed(await headersFor("not-the-secret"))
        expect([bad.status, (await bad.json()).code]).toEqual([401, "unauthorized"])
        const stale = await signed(await headersFor(a.secret, { ts: Math.floor(Date.now() / 1000) - 301 }))
        expect(stale.status).toEqual(401)
        const h = await headersFor(a.secret)
        expect((await signed(h)).status).toEqual(404)
        const replay = await signed(h)
        expect([replay.status, (await replay.json()).code]).toEqual([401, "unauthorized"])
        expect((await signed({})).status).toEqual(401)
        const tampered = await signed(await headersFor(a.secret), JSON.stringify({ code: "999999999999" }))
        expect(tampered.status).toEqual(401)
      })

      it("answers 403 for a disabled terminal", async () => {
        const c = await createMerchantWithTerminal(getContainer(), "Disabled Diner")
        await getContainer().resolve<any>(MERCHANT_MODULE).updateTerminals({ id: c.terminal.id, status: "disabled" })
        const res = await new TerminalClient({ baseUrl, keyId: c.key_id, secret: c.secret }).verify("123456789012")
        expect(res.ok ? 0 : [res.status, res.error.code]).toEqual([403, "forbidden"])
        const d = await createMerchantWithTerminal(getContainer(), "Suspended Snacks")
        await getContainer().resolve<any>(MERCHANT_MODULE).updateMerchants({ id: d.merchant.id, status: "suspended" })
        const suspended = await new TerminalClient({ baseUrl, keyId: d.key_id, secret: d.secret }).verify("123456789012")
        expect(suspended.ok ? 0 : [suspended.status, suspended.error.code]).toEqual([403, "forbidden"])
      })

      it("reads the terminal live on every redeem: right after a success, a replay, a disabled terminal, a suspended merchant and an old secret are refused", async () => {
        const c = await createMerchantWithTerminal(getContainer(), "Live Check Cafe")
        const merchants = getContainer().resolve<any>(MERCHANT_MODULE)
        const { voucher, code } = await issueTestVoucher(getContainer(), c.merchant.id)
        const client = new TerminalClient({ baseUrl, keyId: c.key_id, secret: c.secret })
        const refusal = async (r: Promise<Awaited<ReturnType<TerminalClient["redeem"]>>>) => {
          const res = await r
          return res.ok ? [res.status] : [res.status, res.error.code]
        }
        // the first call decrypts and keeps the secret; the next ones redeem in one statement
        expect(await refusal(client.redeem(code, { amount: 100 }))).toEqual([201])
        expect(await refusal(client.redeem(code, { amount: 100 }))).toEqual([201])

        const nonce = randomToken(16)
        const replaying = new TerminalClient({ baseUrl, keyId: c.key_id, secret: c.secret }, { nonce: () => nonce })
        expect(await refusal(replaying.redeem(code, { amount: 100 }))).toEqual([201])
        expect(await refusal(replaying.redeem(code, { amount: 100 }))).toEqual([401, "unauthorized"])

        await merchants.updateTerminals({ id: c.terminal.id, status: "disabled" })
        expect(await refusal(client.redeem(code, { amount: 100 }))).toEqual([403, "forbidden"])
        // a refused terminal hears so before anything about its input
        const bad = await client.send<any>({ method: "POST", path: "/terminal/v1/redeem", body: { code, amount: -1 }, headers: { "idempotency-key": randomToken(12) } })
        expect(bad.ok ? [bad.status] : [bad.status, bad.error.code]).toEqual([403, "forbidden"])
        await merchants.updateTerminals({ id: c.terminal.id, status: "active" })

        await merchants.updateMerchants({ id: c.merchant.id, status: "suspended" })
        expect(await refusal(client.redeem(code, { amount: 100 }))).toEqual([403, "forbidden"])
        await merchants.updateMerchants({ id: c.merchant.id, status: "active" })
        expect(await refusal(client.redeem(code, { amount: 100 }))).toEqual([201])

        const rotated = await merchants.rotateTerminalSecret(c.terminal.id)
        expect(await refusal(client.redeem(code, { amount: 100 }))).toEqual([401, "unauthorized"])
        const renewed = new TerminalClient({ baseUrl, keyId: c.key_id, secret: rotated.secret })
        expect(await refusal(renewed.redeem(code, { amount: 100 }))).toEqual([201])
        expect(await refusal(renewed.redeem(code, { amount: 100 }))).toEqual([201])
        expect(await refusal(client.redeem(code, { amount: 100 }))).toEqual([401, "unauthorized"])

        const { rows } = await dbConnection.raw(
          `SELECT v.balance, count(r.id)::int AS n, sum(r.amount)::int AS total FROM issued_voucher v JOIN redemption r ON r.voucher_id = v.id WHERE v.id = ? GROUP BY v.id`,
          [voucher.id]
        )
        expect(rows[0]).toEqual({ balance: 10000 - 600, n: 6, total: 600 })
      })

      it("locks a terminal after 20 unknown codes in 10 minutes until an operator unlocks it", async () => {
        const c = await createMerchantWithTerminal(getContainer(), "Guessing Grill")
        const client = new TerminalClient({ baseUrl, keyId: c.key_id, secret: c.secret })
        const { code } = await issueTestVoucher(getContainer(), c.merchant.id)
        for (let i = 0; i < 20; i++) {
          const r = await client.verify(String(100000000000 + i))
          expect(r.status).toEqual(404)
        }
        const locked = await client.verify(code)
        expect(locked.ok ? 0 : [locked.status, locked.error.code]).toEqual([403, "forbidden"])
        await getContainer().resolve<any>(MERCHANT_MODULE).transitionTerminalStatus(c.terminal.id, ["locked"], "active")
        expect((await client.verify(code)).status).toEqual(200)
      })

      it("pairs a device once with its pairing code", async () => {
        const c = await createMerchantWithTerminal(getContainer(), "Pairing Palace")
        const paired = await TerminalClient.pair(baseUrl, c.pairing_code)
        expect(paired.ok && paired.data.terminal).toMatchObject({ key_id: c.key_id, secret: c.secret })
        const again = await TerminalClient.pair(baseUrl, c.pairing_code)
        expect(again.status).toEqual(401)
      })

      it("audits every call with the code's HMAC, never the code", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        await clientA.verify(code)
        await new Promise((r) => setTimeout(r, 300))
        const { rows } = await dbConnection.raw(`SELECT * FROM terminal_audit WHERE terminal_id = ? ORDER BY created_at DESC LIMIT 1`, [a.terminal.id])
        expect(rows[0]).toMatchObject({ result: "ok", http_status: 200 })
        expect(rows[0].code_hmac).toMatch(/^[0-9a-f]{64}$/)
        expect(JSON.stringify(rows)).not.toContain(code)
      })
    })

    describe("at rest", () => {
      it("keeps no plaintext code or terminal secret in the database", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const dump = JSON.stringify((await dbConnection.raw(`SELECT * FROM issued_voucher`)).rows) +
          JSON.stringify((await dbConnection.raw(`SELECT * FROM terminal`)).rows)
        expect(dump).not.toContain(code)
        expect(dump).not.toContain(a.secret)
        expect(dump).not.toContain(a.pairing_code)
      })
    })

    describe("bad input never gets a 500", () => {
      const bodies: unknown[] = [
        {}, { code: 123 }, { code: null }, { code: "" }, { code: "x".repeat(10000) }, { code: ["1"] },
        { code: "123456789012", amount: -1 }, { code: "123456789012", amount: 0 }, { code: "123456789012", amount: 1.5 },
        { code: "123456789012", amount: "10" }, { code: "123456789012", amount: 1e20 }, { code: "123456789012", amount: null },
        { code: "\u0000\u202e\ud83d\ude00𠀀" }, { code: "123456789012", extra: true }, [], "just a string",
      ]

      it.each(["/terminal/v1/verify", "/terminal/v1/redeem"])("%s answers 4xx with a code for malformed bodies", async (path) => {
        for (const body of bodies) {
          const res = await clientA.send<any>({ method: "POST", path, body, headers: { "idempotency-key": randomToken(12) } })
          expect([JSON.stringify(body).slice(0, 40), res.status >= 400 && res.status < 500]).toEqual([JSON.stringify(body).slice(0, 40), true])
          expect(res.ok ? "" : res.error.code).toMatch(/^[a-z_]+$/)
        }
        for (const raw of ["{not json", "\u0000", "{\"code\":", "x".repeat(20000)]) {
          const res = await clientA.send<any>({ method: "POST", path, rawBody: raw, headers: { "idempotency-key": randomToken(12) } })
          expect([raw.slice(0, 10), res.status]).toEqual([raw.slice(0, 10), res.status >= 400 && res.status < 500 ? res.status : "5xx"])
        }
      })

      it("redeem without or with a malformed Idempotency-Key is 400", async () => {
        const { code } = await issueTestVoucher(getContainer(), a.merchant.id)
        const none = await clientA.send<any>({ method: "POST", path: "/terminal/v1/redeem", body: { code, amount: 100 } })
        expect(none.ok ? 0 : [none.status, none.error.code]).toEqual([400, "invalid_request"])
        const short = await clientA.redeem(code, { amount: 100, idempotencyKey: "x" })
        expect(short.status).toEqual(400)
      })

      it("bad redemption list queries and reverse ids are 4xx", async () => {
        for (const q of ["?from=yesterday", "?from=2026-13-45", "?from=2026-01-02&to=2026-01-01", "?from=2020-01-01&to=2026-01-01", "?bogus=1"]) {
          const res = await clientA.send<any>({ method: "GET", path: `/terminal/v1/redemptions${q}` })
          expect([q, res.status]).toEqual([q, 400])
        }
        const res = await clientA.reverse("rdm_does_not_exist")
        expect(res.status).toEqual(404)
      })
    })
  },
})
