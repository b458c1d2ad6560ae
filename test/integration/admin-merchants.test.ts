import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TerminalClient } from "@palmlife/terminal-client"
import { decryptSecret } from "../../src/lib/secrets"
import seed from "../../src/scripts/seed"

jest.setTimeout(240 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-admin-it-")), "demo.json")
const ACCOUNT = "6222 0212 3456 7812"
const ACCOUNT_DIGITS = "6222021234567812"
const UNKNOWN_CODE = "123456789012"

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson, TERMINAL_RATE_LIMIT_PER_10S: "100000" },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let baseUrl: string
    // axios throws on 4xx; the tests look at the status and body instead
    const call = (method: "get" | "post" | "delete", url: string, body?: unknown, opts = admin) =>
      (method === "post" ? api.post(url, body, opts) : api[method](url, opts)).catch((e: any) => {
        if (!e.response) throw e
        return e.response
      })
    // on a mismatch the failure shows the error message the route answered
    const expectStatus = (res: { status: number; data: any }, status: number) =>
      expect([res.status, res.status === status ? "" : res.data?.message]).toEqual([status, ""])

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      const demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
      const login = await api.post("/auth/user/emailpass", demo.admin)
      admin = { headers: { authorization: `Bearer ${login.data.token}` } }
      baseUrl = String(api.defaults.baseURL)
    })

    const createMerchant = async (body: Record<string, unknown> = {}) => {
      const res = await call("post", "/admin/merchants", { name: "Test Merchant 測試商戶", ...body })
      expectStatus(res, 201)
      return res.data.merchant
    }
    const createStore = async (merchantId: string, body: Record<string, unknown> = {}) => {
      const res = await call("post", `/admin/merchants/${merchantId}/stores`, { name: "Main store 總店", city: "Shanghai", ...body })
      expectStatus(res, 201)
      return res.data.store
    }
    const createTerminal = async (merchantId: string, storeId: string, name = "Till 1") => {
      const res = await call("post", `/admin/merchants/${merchantId}/stores/${storeId}/terminals`, { name })
      expectStatus(res, 201)
      return res.data as { terminal: any; credentials: { key_id: string; secret: string; pairing_code: string } }
    }
    const verifyWith = (creds: { key_id: string; secret: string }, secret = creds.secret) =>
      new TerminalClient({ baseUrl, keyId: creds.key_id, secret }).verify(UNKNOWN_CODE)
    const statusAndCode = (r: Awaited<ReturnType<typeof verifyWith>>) => [r.status, r.ok ? "ok" : r.error.code]

    describe("authentication", () => {
      it("answers 401 to every admin route without a session or token", async () => {
        const anonymous = { headers: {} }
        for (const [method, url, body] of [
          ["get", "/admin/merchants"], ["post", "/admin/merchants", { name: "x" }], ["get", "/admin/merchants/mer_x/terminals"],
          ["post", "/admin/terminals/term_x/rotate-secret", {}], ["get", "/admin/voucher-templates"], ["delete", "/admin/voucher-templates/vtpl_x"],
        ] as const) {
          const res = await call(method, url, body, anonymous)
          expect([method, url, res.status]).toEqual([method, url, 401])
        }
      })
    })

    describe("merchants", () => {
      it("creates a merchant, shows the settlement account only masked and keeps only ciphertext in the database", async () => {
        const merchant = await createMerchant({ legal_name: "上海測試餐飲有限公司", contact_phone: "+86 21 5555 0100", settlement_account: ACCOUNT })
        expect(merchant).toMatchObject({ name: "Test Merchant 測試商戶", status: "active", settlement_account_masked: "**** **** 7812", store_count: 0 })
        expect(JSON.stringify(merchant)).not.toContain(ACCOUNT_DIGITS)
        expect(merchant).not.toHaveProperty("settlement_account_encrypted")
        expect(merchant).not.toHaveProperty("settlement_account")

        const { rows } = await dbConnection.raw(`SELECT * FROM merchant WHERE id = ?`, [merchant.id])
        const dump = JSON.stringify(rows)
        expect(dump).not.toContain(ACCOUNT_DIGITS)
        expect(dump).not.toContain(ACCOUNT)
        expect(rows[0].settlement_account_last4).toEqual("7812")
        // recoverable with the server key only: settlement payouts need the number
        expect(decryptSecret("settlement-account", rows[0].settlement_account_encrypted)).toEqual(ACCOUNT_DIGITS)

        const fetched = await call("get", `/admin/merchants/${merchant.id}`)
        expect(fetched.data.merchant.settlement_account_masked).toEqual("**** **** 7812")
        const listed = await call("get", `/admin/merchants?q=${encodeURIComponent("測試商戶")}&limit=200`)
        expect(listed.data.merchants.map((m: any) => m.id)).toContain(merchant.id)
        expect(JSON.stringify(listed.data)).not.toContain(ACCOUNT_DIGITS)
        expect(JSON.stringify(listed.data)).not.toContain("settlement_account_encrypted")
      })

      it("updates fields, replaces and clears the settlement account", async () => {
        const merchant = await createMerchant({ settlement_account: ACCOUNT })
        const updated = await call("post", `/admin/merchants/${merchant.id}`, { name: "Renamed 改名", status: "suspended", settlement_account: "GB33BUKB20201555555555" })
        expectStatus(updated, 200)
        expect(updated.data.merchant).toMatchObject({ name: "Renamed 改名", status: "suspended", settlement_account_masked: "**** **** 5555" })
        const suspended = await call("get", "/admin/merchants?status=suspended&limit=200")
        expect(suspended.data.merchants.map((m: any) => m.id)).toContain(merchant.id)
        const untouched = await call("post", `/admin/merchants/${merchant.id}`, { contact_phone: "021-5555-0101" })
        expect(untouched.data.merchant).toMatchObject({ settlement_account_masked: "**** **** 5555", contact_phone: "021-5555-0101" })
        const cleared = await call("post", `/admin/merchants/${merchant.id}`, { settlement_account: null })
        expect(cleared.data.merchant.settlement_account_masked).toBeNull()
      })

      it("refuses bad merchant input with 400 and unknown ids with 404", async () => {
        for (const body of [
          {}, { name: "" }, { name: 42 }, { name: "x", status: "closed" }, { name: "x", settlement_account: "12" },
          { name: "x", settlement_account: "6222-0212-3456-7812-!!" }, { name: "x", contact_phone: "call me" },
          { name: "x", settlement_account_encrypted: "v1.a.b.c" }, { name: "x".repeat(201) }, [],
        ]) {
          const res = await call("post", "/admin/merchants", body)
          expect([JSON.stringify(body).slice(0, 50), res.status, res.data.type]).toEqual([JSON.stringify(body).slice(0, 50), 400, "invalid_data"])
        }
        for (const q of ["?limit=0", "?limit=abc", "?offset=-1", "?status=deleted"]) {
          expect([q, (await call("get", `/admin/merchants${q}`)).status]).toEqual([q, 400])
        }
        const raw = await api
          .post("/admin/merchants", "{not json", { headers: { ...admin.headers, "content-type": "application/json" } })
          .catch((e: any) => e.response)
        expect(raw.status).toEqual(400)
        expect((await call("get", "/admin/merchants/mer_missing")).status).toEqual(404)
        expect((await call("post", "/admin/merchants/mer_missing", { name: "x" })).status).toEqual(404)
        expect((await call("delete", "/admin/merchants/mer_missing")).status).toEqual(404)
      })
    })

    describe("stores", () => {
      it("creates, lists, edits and deletes a merchant's stores; another merchant's store is 404", async () => {
        const merchant = await createMerchant()
        const other = await createMerchant({ name: "Other 其他" })
        const hours = { "1": ["11:00-14:00", "17:00-22:00"], "6": ["10:00-24:00"], "7": [] }
        const store = await createStore(merchant.id, { address: "上海市靜安區南京西路 1 號", latitude: 31.2286, longitude: 121.4555, hours })
        expect(store).toMatchObject({ merchant_id: merchant.id, status: "active", hours, latitude: expect.closeTo(31.2286, 3) })
        const second = await createStore(merchant.id, { name: "Second 分店" })

        const list = await call("get", `/admin/merchants/${merchant.id}/stores`)
        expect(list.data).toMatchObject({ count: 2 })
        expect(list.data.stores.map((s: any) => s.id)).toEqual([store.id, second.id])
        expect((await call("get", `/admin/merchants/${merchant.id}`)).data.merchant.store_count).toEqual(2)

        const edited = await call("post", `/admin/merchants/${merchant.id}/stores/${store.id}`, { name: "Flagship 旗艦店", status: "closed", hours: null })
        expect(edited.data.store).toMatchObject({ name: "Flagship 旗艦店", status: "closed", hours: null, city: "Shanghai" })

        expect((await call("post", `/admin/merchants/${other.id}/stores/${store.id}`, { name: "hijack" })).status).toEqual(404)
        expect((await call("delete", `/admin/merchants/${other.id}/stores/${store.id}`)).status).toEqual(404)
        expect((await call("get", `/admin/merchants/${other.id}/stores/${store.id}`)).status).toEqual(404)
        expect((await call("get", `/admin/merchants/mer_missing/stores`)).status).toEqual(404)

        for (const body of [{ name: "" }, { name: "x", latitude: 100 }, { name: "x", longitude: "121" }, { name: "x", hours: { "8": [] } },
          { name: "x", hours: { "1": ["9-5"] } }, { name: "x", status: "open" }, { name: "x", merchant_id: other.id }]) {
          const res = await call("post", `/admin/merchants/${merchant.id}/stores`, body)
          expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
        }

        const removed = await call("delete", `/admin/merchants/${merchant.id}/stores/${second.id}`)
        expect(removed.data).toEqual({ id: second.id, object: "merchant_store", deleted: true })
        const after = await call("get", `/admin/merchants/${merchant.id}/stores`)
        expect(after.data.stores.map((s: any) => s.id)).toEqual([store.id])
      })
    })

    describe("terminals", () => {
      it("shows credentials once on creation; they authenticate and the list never returns them", async () => {
        const merchant = await createMerchant()
        const store = await createStore(merchant.id)
        const { terminal, credentials } = await createTerminal(merchant.id, store.id)
        expect(credentials).toEqual({ key_id: expect.stringMatching(/^tk_/), secret: expect.any(String), pairing_code: expect.stringMatching(/^\d{8}$/) })
        expect(terminal).toMatchObject({ name: "Till 1", key_id: credentials.key_id, status: "active", store: { id: store.id, name: store.name }, pairing_pending: true })
        expect(JSON.stringify(terminal)).not.toContain(credentials.secret)

        // 404 voucher_not_found means the signature was accepted
        expect(statusAndCode(await verifyWith(credentials))).toEqual([404, "voucher_not_found"])

        const list = await call("get", `/admin/merchants/${merchant.id}/terminals`)
        expect(list.data.count).toEqual(1)
        expect(list.data.terminals[0]).toMatchObject({ id: terminal.id, status: "active", store: { id: store.id, name: store.name } })
        expect(list.data.terminals[0]).toHaveProperty("last_seen_at")
        const dump = JSON.stringify(list.data)
        for (const leaked of [credentials.secret, credentials.pairing_code, "secret", "pairing_code_hash"]) expect(dump).not.toContain(leaked)
        expect((await call("get", `/admin/merchants/${merchant.id}/terminals?store_id=${store.id}&status=active`)).data.count).toEqual(1)
        expect((await call("get", `/admin/merchants/${merchant.id}/terminals?status=disabled`)).data.count).toEqual(0)
      })

      it("a store of another merchant in the path is 404; closed stores get no new terminals; bad names are 400", async () => {
        const merchant = await createMerchant()
        const other = await createMerchant({ name: "Other 其他" })
        const store = await createStore(merchant.id)
        const foreign = await call("post", `/admin/merchants/${other.id}/stores/${store.id}/terminals`, { name: "Sneaky" })
        expect([foreign.status, foreign.data.type]).toEqual([404, "not_found"])
        expect((await call("get", `/admin/merchants/${other.id}/terminals?store_id=${store.id}`)).data.count).toEqual(0)
        for (const body of [{}, { name: "" }, { name: 1 }, { name: "x".repeat(101) }, { name: "x", secret: "mine" }]) {
          const res = await call("post", `/admin/merchants/${merchant.id}/stores/${store.id}/terminals`, body)
          expect([JSON.stringify(body).slice(0, 30), res.status]).toEqual([JSON.stringify(body).slice(0, 30), 400])
        }
        await call("post", `/admin/merchants/${merchant.id}/stores/${store.id}`, { status: "closed" })
        const closed = await call("post", `/admin/merchants/${merchant.id}/stores/${store.id}/terminals`, { name: "Till" })
        expect([closed.status, closed.data.type]).toEqual([400, "not_allowed"])
      })

      it("disable answers 403 to the device, enable restores it", async () => {
        const merchant = await createMerchant()
        const store = await createStore(merchant.id)
        const { terminal, credentials } = await createTerminal(merchant.id, store.id)
        const disabled = await call("post", `/admin/terminals/${terminal.id}/disable`)
        expect([disabled.status, disabled.data.terminal.status]).toEqual([200, "disabled"])
        expect(statusAndCode(await verifyWith(credentials))).toEqual([403, "forbidden"])
        expect((await call("post", `/admin/terminals/${terminal.id}/disable`, {})).data.terminal.status).toEqual("disabled")
        const unlock = await call("post", `/admin/terminals/${terminal.id}/unlock`)
        expect([unlock.status, unlock.data.type]).toEqual([400, "not_allowed"])
        expect(statusAndCode(await verifyWith(credentials))).toEqual([403, "forbidden"])
        const enabled = await call("post", `/admin/terminals/${terminal.id}/enable`, {})
        expect([enabled.status, enabled.data.terminal.status]).toEqual([200, "active"])
        expect(statusAndCode(await verifyWith(credentials))).toEqual([404, "voucher_not_found"])
      })

      it("rotate: the old secret gets 401 at once, the new one works and is shown once", async () => {
        const merchant = await createMerchant()
        const store = await createStore(merchant.id)
        const { terminal, credentials } = await createTerminal(merchant.id, store.id)
        const rotated = await call("post", `/admin/terminals/${terminal.id}/rotate-secret`)
        expect(rotated.status).toEqual(200)
        const fresh = rotated.data.credentials
        expect(fresh).toEqual({ key_id: credentials.key_id, secret: expect.any(String), pairing_code: expect.stringMatching(/^\d{8}$/) })
        expect(fresh.secret).not.toEqual(credentials.secret)
        expect(rotated.data.terminal).toMatchObject({ id: terminal.id, store: { id: store.id } })
        expect(statusAndCode(await verifyWith(credentials))).toEqual([401, "unauthorized"])
        expect(statusAndCode(await verifyWith(fresh))).toEqual([404, "voucher_not_found"])
        // the new pairing code hands the device the new secret
        const paired = await TerminalClient.pair(baseUrl, fresh.pairing_code)
        expect(paired.ok && paired.data.terminal.secret).toEqual(fresh.secret)
        const list = await call("get", `/admin/merchants/${merchant.id}/terminals`)
        expect(JSON.stringify(list.data)).not.toContain(fresh.secret)
        expect(list.data.terminals[0].pairing_pending).toEqual(false)
      })

      it("unlock brings back a terminal locked for guessing codes; enable does not", async () => {
        const merchant = await createMerchant()
        const store = await createStore(merchant.id)
        const { terminal, credentials } = await createTerminal(merchant.id, store.id)
        const client = new TerminalClient({ baseUrl, keyId: credentials.key_id, secret: credentials.secret })
        for (let i = 0; i < 20; i++) expect((await client.verify(String(200000000000 + i))).status).toEqual(404)
        // the lock is written just after the 20th answer goes out, so give it a moment to land
        let listed: any
        for (let i = 0; i < 40; i++) {
          listed = await call("get", `/admin/merchants/${merchant.id}/terminals`)
          if (listed.data.terminals[0].status === "locked") break
          await new Promise((r) => setTimeout(r, 50))
        }
        expect(listed.data.terminals[0]).toMatchObject({ status: "locked", locked_at: expect.any(String), last_seen_at: expect.any(String) })
        expect(statusAndCode(await verifyWith(credentials))).toEqual([403, "forbidden"])
        const enable = await call("post", `/admin/terminals/${terminal.id}/enable`)
        expect([enable.status, enable.data.type]).toEqual([400, "not_allowed"])
        const unlocked = await call("post", `/admin/terminals/${terminal.id}/unlock`)
        expect([unlocked.status, unlocked.data.terminal.status, unlocked.data.terminal.locked_at]).toEqual([200, "active", null])
        expect(statusAndCode(await verifyWith(credentials))).toEqual([404, "voucher_not_found"])
      })

      it("unknown terminals are 404 and action bodies are not accepted", async () => {
        for (const action of ["disable", "enable", "unlock", "rotate-secret"]) {
          const res = await call("post", `/admin/terminals/term_missing/${action}`)
          expect([action, res.status, res.data.type]).toEqual([action, 404, "not_found"])
        }
        expect((await call("post", `/admin/terminals/term_missing/disable`, { status: "active" })).status).toEqual(400)
      })

      it("deleting a store or merchant retires its terminals", async () => {
        const merchant = await createMerchant()
        const store = await createStore(merchant.id)
        const kept = await createStore(merchant.id, { name: "Kept" })
        const a = await createTerminal(merchant.id, store.id)
        const b = await createTerminal(merchant.id, kept.id)
        await call("delete", `/admin/merchants/${merchant.id}/stores/${store.id}`)
        expect(statusAndCode(await verifyWith(a.credentials))).toEqual([401, "unauthorized"])
        expect(statusAndCode(await verifyWith(b.credentials))).toEqual([404, "voucher_not_found"])
        const removed = await call("delete", `/admin/merchants/${merchant.id}`)
        expect(removed.data).toEqual({ id: merchant.id, object: "merchant", deleted: true })
        expect(statusAndCode(await verifyWith(b.credentials))).toEqual([401, "unauthorized"])
        expect((await call("get", `/admin/merchants/${merchant.id}`)).status).toEqual(404)
      })
    })

    describe("voucher templates", () => {
      let variantId: string
      let merchant: any
      let store: any
      let foreignStore: any

      // the runner restores the seeded database before every test, so each test sets up its own rows
      beforeEach(async () => {
        const products = await call("get", "/admin/products?limit=100&fields=id,variants.id")
        const variantIds: string[] = products.data.products.flatMap((p: any) => p.variants.map((v: any) => v.id))
        const taken = await call("get", `/admin/voucher-templates?limit=200&${variantIds.map((id) => `product_variant_id[]=${id}`).join("&")}`)
        const used = new Set(taken.data.voucher_templates.map((t: any) => t.product_variant_id))
        variantId = variantIds.find((id) => !used.has(id))!
        merchant = await createMerchant({ name: "Template Diner 模板餐廳" })
        store = await createStore(merchant.id)
        foreignStore = await createStore((await createMerchant({ name: "Elsewhere" })).id)
      })

      const valid = () => ({
        product_variant_id: variantId,
        merchant_id: merchant.id,
        kind: "meal",
        title: "¥100 代金券",
        face_value: 10000,
        usage: "stored_value",
        validity_type: "days_after_purchase",
        valid_days: 90,
        allowed_store_ids: [store.id],
        allowed_weekdays: [5, 1, 1],
        refund_policy: "refundable_unused",
        auto_refund_on_expiry: true,
      })

      it("upserts one template per variant and finds it by product_variant_id", async () => {
        const created = await call("post", "/admin/voucher-templates", valid())
        expectStatus(created, 201)
        expect(created.data.voucher_template).toMatchObject({
          product_variant_id: variantId, merchant: { id: merchant.id, name: merchant.name }, face_value: 10000, currency_code: "cny",
          valid_days: 90, valid_from: null, allowed_store_ids: [store.id], allowed_weekdays: [1, 5], auto_refund_on_expiry: true,
        })
        const from = "2026-12-01T00:00:00+08:00"
        const until = "2027-01-31T23:59:59+08:00"
        const replaced = await call("post", "/admin/voucher-templates", {
          ...valid(), usage: "single_use", face_value: 8850, validity_type: "fixed", valid_days: null, valid_from: from, valid_until: until,
          allowed_store_ids: [], allowed_weekdays: [], refund_policy: "non_refundable", auto_refund_on_expiry: false,
        })
        expectStatus(replaced, 200)
        expect(replaced.data.voucher_template).toMatchObject({
          id: created.data.voucher_template.id, usage: "single_use", face_value: 8850, validity_type: "fixed", valid_days: null,
          valid_from: new Date(from).toISOString(), valid_until: new Date(until).toISOString(), allowed_store_ids: [], refund_policy: "non_refundable",
        })
        const found = await call("get", `/admin/voucher-templates?product_variant_id=${variantId}`)
        expect(found.data).toMatchObject({ count: 1, voucher_templates: [{ id: created.data.voucher_template.id, face_value: 8850 }] })
        const { rows } = await dbConnection.raw(`SELECT count(*)::int AS n FROM voucher_template WHERE product_variant_id = ? AND deleted_at IS NULL`, [variantId])
        expect(rows[0].n).toEqual(1)
        expect((await call("get", `/admin/voucher-templates/${created.data.voucher_template.id}`)).data.voucher_template.id).toEqual(created.data.voucher_template.id)
      })

      it("answers 400, never 500, to bad templates", async () => {
        const cases: Array<[string, Record<string, unknown>]> = [
          ["face value as a decimal string", { face_value: "12.345" }],
          ["face value with fractional fen", { face_value: 12.345 }],
          ["face value in yuan string", { face_value: "100" }],
          ["negative face value", { face_value: -100 }],
          ["zero face value", { face_value: 0 }],
          ["huge face value", { face_value: 1e15 }],
          ["days rule without valid_days", { valid_days: undefined }],
          ["zero days", { valid_days: 0 }],
          ["too many days", { valid_days: 3651 }],
          ["fractional days", { valid_days: 1.5 }],
          ["days rule with a window", { valid_from: "2026-12-01T00:00:00Z", valid_until: "2027-01-01T00:00:00Z" }],
          ["fixed without window", { validity_type: "fixed", valid_days: null }],
          ["fixed window ends before it starts", { validity_type: "fixed", valid_days: null, valid_from: "2027-01-01T00:00:00Z", valid_until: "2026-12-01T00:00:00Z" }],
          ["fixed window of zero length", { validity_type: "fixed", valid_days: null, valid_from: "2027-01-01T00:00:00Z", valid_until: "2027-01-01T00:00:00Z" }],
          ["not a date", { validity_type: "fixed", valid_days: null, valid_from: "yesterday", valid_until: "2027-01-01T00:00:00Z" }],
          ["weekday 8", { allowed_weekdays: [1, 8] }],
          ["weekday 0", { allowed_weekdays: [0] }],
          ["weekday as text", { allowed_weekdays: ["mon"] }],
          ["another merchant's store", { allowed_store_ids: [store.id, foreignStore.id] }],
          ["unknown store", { allowed_store_ids: ["mst_missing"] }],
          ["unknown merchant", { merchant_id: "mer_missing", allowed_store_ids: [] }],
          ["unknown variant", { product_variant_id: "variant_missing" }],
          ["bad kind", { kind: "spa" }],
          ["bad usage", { usage: "twice" }],
          ["other currency", { currency_code: "usd" }],
          ["auto refund of a non-refundable voucher", { refund_policy: "non_refundable", auto_refund_on_expiry: true }],
          ["unknown field", { price: 1 }],
          ["empty title", { title: " " }],
        ]
        for (const [name, patch] of cases) {
          const res = await call("post", "/admin/voucher-templates", { ...valid(), ...patch })
          expect([name, res.status, res.data.type]).toEqual([name, 400, "invalid_data"])
        }
        for (const q of ["?limit=0", "?offset=x", `?product_variant_id[a]=b`]) {
          const res = await call("get", `/admin/voucher-templates${q}`)
          expect([q, res.status]).toEqual([q, 400])
        }
      })

      it("deletes a template; a merchant with templates is suspended, not deleted", async () => {
        const saved = await call("post", "/admin/voucher-templates", valid())
        const id = saved.data.voucher_template.id
        const refused = await call("delete", `/admin/merchants/${merchant.id}`)
        expect([refused.status, refused.data.type]).toEqual([400, "not_allowed"])
        const removed = await call("delete", `/admin/voucher-templates/${id}`)
        expect(removed.data).toEqual({ id, object: "voucher_template", deleted: true })
        expect((await call("delete", `/admin/voucher-templates/${id}`)).status).toEqual(404)
        expect((await call("get", `/admin/voucher-templates?product_variant_id=${variantId}`)).data.count).toEqual(0)
        // the variant can get a new template after the old one was deleted
        expectStatus(await call("post", "/admin/voucher-templates", valid()), 201)
      })
    })
  },
})
