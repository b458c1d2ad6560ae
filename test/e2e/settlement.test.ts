import { spawn } from "node:child_process"
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { TerminalClient } from "@palmlife/terminal-client"
import type { Browser, Page } from "playwright-core"
import { launchBrowser, phonePage, stackUrls } from "../support/browser"
import { backendApi, loginToken } from "../support/e2e-api"
import { step } from "../support/storefront-journeys"

// Settlement end to end: the demo customer buys Golden Dragon's ¥100 voucher and a terminal
// (paired in the test, in the browser) redeems all of it; an operator runs today's settlement,
// approves Golden Dragon's batch in the admin console and downloads the day's payout CSV, which
// has Golden Dragon's row with the batch's net amount; Golden Dragon's staff then see the
// statement, with the same net, in the merchant portal on their paired device.
//
// The e2e stack runs the backend without its admin UI (DISABLE_MEDUSA_ADMIN), so this file builds
// the admin SPA once (cached by the hash of src/admin) and serves it beside a proxy to the backend,
// on one origin, as the Medusa server itself would serve it.

jest.setTimeout(900 * 1000)

const ROOT = path.resolve(__dirname, "..", "..")
const HANDLE = "golden-dragon-100-voucher"
const demo = () => JSON.parse(process.env.E2E_DEMO_JSON as string)
const api = backendApi
const OFFSET_MS = 8 * 3600 * 1000
const shanghaiToday = () => new Date(Date.now() + OFFSET_MS).toISOString().slice(0, 10)

/** 201.1 (yuan, as the admin API answers) → 20110 fen, through the decimal text. */
function yuanToFen(amount: number): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount))
  if (!m) throw new Error(`not a yuan amount: ${amount}`)
  const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"))
  return m[1] ? -fen : fen
}
const fenText = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}`

/** Minimal RFC 4180 reader for the exported files (quoted fields, "" escapes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  const src = text.replace(/^\ufeff/, "")
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++
      row.push(field)
      rows.push(row)
      row = []
      field = ""
    } else field += c
  }
  if (field || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** E2E_SHOT_DIR=/some/dir keeps pictures of the admin pages and the 375 px portal for a human to look at. */
async function keepShot(page: Page, name: string) {
  const dir = process.env.E2E_SHOT_DIR
  if (dir) await page.screenshot({ path: path.join(dir, `settlement-${name}.png`), fullPage: true })
}

// ---------------------------------------------------------------- the admin console on one origin

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: process.env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out = (out + d).slice(-4000)))
    child.stderr.on("data", (d) => (out = (out + d).slice(-4000)))
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${out}`))))
  })
}

/** Builds the admin SPA (Medusa's dashboard + src/admin) once per content of src/admin. */
async function buildAdmin(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { contentHash } = require("../../scripts/lib/content-hash")
  const hash = (contentHash([path.join(ROOT, "src", "admin"), path.join(ROOT, "package-lock.json")]) as string).slice(0, 16)
  const outDir = path.join(os.tmpdir(), "palmlife-e2e-admin", hash)
  if (fs.existsSync(path.join(outDir, "index.html"))) return outDir
  const script =
    'require("@medusajs/admin-bundler").build({ path: "/app", backendUrl: "/", outDir: process.argv[1], sources: [process.argv[2]], plugins: [] })' +
    ".then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })"
  const tmp = `${outDir}.tmp-${process.pid}`
  await run(process.execPath, ["-e", script, tmp, path.join(ROOT, "src", "admin")], ROOT)
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.renameSync(tmp, outDir)
  return outDir
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".woff2": "font/woff2", ".png": "image/png" }

/** Serves the built admin under /app (index.html for its client-side routes) and proxies the rest to the backend. */
function serveAdmin(outDir: string, backend: string): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(backend)
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    if (url.pathname === "/app" || url.pathname.startsWith("/app/")) {
      const rel = decodeURIComponent(url.pathname.slice("/app".length)).replace(/^\/+/, "")
      const file = path.join(outDir, rel)
      const inside = file.startsWith(outDir + path.sep)
      const serve = inside && rel && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(outDir, "index.html")
      res.writeHead(200, { "content-type": TYPES[path.extname(serve)] ?? "application/octet-stream" })
      fs.createReadStream(serve).pipe(res)
      return
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host, origin: backend } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    upstream.on("error", (e) => {
      res.writeHead(502)
      res.end(String(e))
    })
    req.pipe(upstream)
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      resolve({ url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) })
    })
  )
}

// ---------------------------------------------------------------- buying through the store API

async function buyVoucher(token: string, email: string): Promise<{ orderId: string; voucherId: string; code: string }> {
  const store = { token, store: true }
  const { body: regions } = await api("GET", "/store/regions", store)
  const region = regions.regions.find((r: any) => r.currency_code === "cny")
  const { body: list } = await api("GET", `/store/products?handle=${HANDLE}&fields=*variants&region_id=${region.id}`, store)
  const variant = list.products[0].variants[0]
  const { body: c } = await api("POST", "/store/carts", { ...store, body: { region_id: region.id, email } })
  const added = await api("POST", `/store/carts/${c.cart.id}/line-items`, { ...store, body: { variant_id: variant.id, quantity: 1 } })
  expect(added.status).toEqual(200)
  const { body: pc } = await api("POST", "/store/payment-collections", { ...store, body: { cart_id: c.cart.id } })
  await api("POST", `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { ...store, body: { provider_id: "pp_system_default" } })
  const { body: done } = await api("POST", `/store/carts/${c.cart.id}/complete`, { ...store, body: {} })
  if (done.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(done).slice(0, 300)}`)
  // vouchers are issued on order.placed, after the answer
  for (let i = 0; i < 100; i++) {
    const { body } = await api("GET", "/store/wallet/vouchers", store)
    const v = (body.vouchers ?? []).find((x: any) => x.order_id === done.order.id)
    if (v) {
      const { body: detail } = await api("GET", `/store/wallet/vouchers/${v.id}`, store)
      return { orderId: done.order.id, voucherId: v.id, code: detail.voucher.code }
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no voucher issued for order ${done.order.id}`)
}

describe("settlement: approve the day's batch in the admin, pay out, merchant sees the statement", () => {
  let browser: Browser
  let staff: Page
  let operator: Page
  let admin: { url: string; close: () => Promise<void> }
  const pageErrors: string[] = []

  beforeAll(async () => {
    const { backend } = stackUrls()
    const [outDir, b] = await Promise.all([buildAdmin(), launchBrowser()])
    browser = b
    admin = await serveAdmin(outDir, backend)
    staff = await phonePage(browser) // the merchant's device: its own context, its own secret
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", acceptDownloads: true })
    operator = await desk.newPage()
    staff.on("pageerror", (e) => pageErrors.push(`staff: ${e.message}`))
    operator.on("pageerror", (e) => pageErrors.push(`operator: ${e.message}`))
  })
  afterAll(async () => {
    await browser?.close()
    await admin?.close()
  })

  it("settles Golden Dragon's redemption, an operator approves it and exports the payout file, staff see the statement", async () => {
    const { storefront } = stackUrls()
    const today = shanghaiToday()
    const { email, password } = demo().customer
    const customerToken = await loginToken("customer", email, password)
    const adminToken = await loginToken("user", "admin@palmlife.dev", "palmlife")

    // ---- the customer buys Golden Dragon's ¥100 stored-value voucher
    const bought = await buyVoucher(customerToken, email)
    expect(bought.code).toMatch(/^\d{12}$/)

    // ---- an operator creates a terminal for Golden Dragon; its staff pair the device in the browser
    const { body: merchantsBody } = await api("GET", "/admin/merchants?q=Golden&limit=50", { token: adminToken })
    const merchant = (merchantsBody.merchants ?? []).find((m: any) => /Golden Dragon/.test(m.name))
    expect(merchant).toBeDefined()
    const { body: storesBody } = await api("GET", `/admin/merchants/${merchant.id}/stores`, { token: adminToken })
    const store = (storesBody.stores ?? []).find((s: any) => s.status === "active")
    const created = await api("POST", `/admin/merchants/${merchant.id}/stores/${store.id}/terminals`, { token: adminToken, body: { name: `e2e settlement ${Date.now()}` } })
    expect(created.status).toEqual(201)
    const pairingCode: string = created.body.credentials.pairing_code

    await step(staff, "portal-unpaired", async () => {
      await staff.goto(`${storefront}/merchant/statements`)
      await staff.getByTestId("statements-not-paired").waitFor()
      await staff.getByTestId("statements-pair-link").click()
      await staff.waitForURL(/\/merchant\/terminal/)
    })
    const device = await step(staff, "pair", async () => {
      await staff.getByTestId("pairing-code").fill(pairingCode)
      await staff.getByTestId("pair-submit").click()
      await staff.getByTestId("terminal-paired").waitFor()
      return JSON.parse((await staff.evaluate(() => window.localStorage.getItem("palmlife.terminal.v1"))) as string)
    })

    // ---- the terminal redeems the whole voucher (signed terminal API, the device's own credentials)
    const terminal = new TerminalClient({ baseUrl: stackUrls().backend, keyId: device.keyId, secret: device.secret })
    const redeemed = await terminal.redeem(bought.code, { amount: 10000 })
    expect(redeemed.ok ? redeemed.data.redemption.amount : redeemed).toEqual(10000)

    // ---- today's settlement (the nightly job's workflow, run by hand): Golden Dragon has a calculated batch
    const run = await api("POST", "/admin/settlements/run", { token: adminToken, body: { business_date: today } })
    expect(run.status).toEqual(200)
    expect(run.body.business_date).toEqual(today)
    const batch = run.body.settlements.find((s: any) => s.merchant_id === merchant.id)
    expect(batch).toMatchObject({ business_date: today, status: "calculated", currency_code: "cny" })
    expect(batch.line_count).toBeGreaterThanOrEqual(1)
    const netFen = yuanToFen(batch.net_amount)
    expect(netFen).toBeGreaterThan(0)
    // the redemption is one of the batch's lines: ¥88 paid for ¥100 face, all of it redeemed
    const { body: detail } = await api("GET", `/admin/settlements/${batch.id}?limit=1000`, { token: adminToken })
    const line = detail.lines.find((l: any) => l.voucher_id === bought.voucherId)
    expect(line).toMatchObject({ kind: "redemption", gross: 88 })

    // ---- the operator signs in to the admin console and approves the batch
    await step(operator, "admin-login", async () => {
      await operator.goto(`${admin.url}/app/login`)
      await operator.locator('input[name="email"]').fill("admin@palmlife.dev")
      await operator.locator('input[name="password"]').fill("palmlife")
      await operator.locator('button[type="submit"]').click()
      await operator.waitForURL((u) => !u.pathname.startsWith("/app/login"), { timeout: 60000 })
    })
    await step(operator, "admin-list", async () => {
      await operator.goto(`${admin.url}/app/palmlife/settlements?business_date=${today}`)
      await operator.getByTestId("settlements-page").waitFor({ timeout: 60000 })
      const row = operator.locator(`[data-testid="settlement-row"][data-settlement-id="${batch.id}"]`)
      await row.waitFor()
      expect(await row.innerText()).toContain(fenText(netFen))
      expect(await row.getByTestId("settlement-status").getAttribute("data-status")).toEqual("calculated")
      await operator.getByTestId("settlements-totals").waitFor()
      await keepShot(operator, "admin-list")
      await row.getByTestId("settlement-merchant").click()
    })
    await step(operator, "admin-approve", async () => {
      const page = operator.getByTestId("settlement-detail")
      await page.waitFor()
      expect(await operator.getByTestId("settlement-net").innerText()).toEqual(fenText(netFen))
      expect(await operator.getByTestId("settlement-line").count()).toBeGreaterThanOrEqual(1)
      await operator.getByTestId("settlement-approve").click()
      const dialog = operator.getByRole("alertdialog")
      await dialog.waitFor()
      await dialog.getByRole("button", { name: "Approve" }).click()
      await operator.locator('[data-testid="settlement-detail"][data-status="approved"]').waitFor()
      await operator.getByTestId("settlement-pay").waitFor() // next step offered: mark paid
      await keepShot(operator, "admin-detail")
    })
    const { body: afterApprove } = await api("GET", `/admin/settlements/${batch.id}?limit=1`, { token: adminToken })
    expect(afterApprove.settlement).toMatchObject({ status: "approved", approved_by: expect.any(String) })
    expect(afterApprove.settlement.approved_at).toBeTruthy()

    // ---- the payout file for the day: Golden Dragon's row with the batch's net, account masked
    const csv = await step(operator, "admin-payout-file", async () => {
      await operator.goto(`${admin.url}/app/palmlife/settlements?business_date=${today}`)
      await operator.getByTestId("download-payout-file").waitFor()
      const [download] = await Promise.all([operator.waitForEvent("download"), operator.getByTestId("download-payout-file").click()])
      expect(download.suggestedFilename()).toEqual(`payouts-${today}.csv`)
      return fs.readFileSync((await download.path()) as string, "utf8")
    })
    const rows = parseCsv(csv)
    const header = rows[0]
    expect(header).toEqual(expect.arrayContaining(["merchant", "account", "amount_fen", "amount_yuan", "reference"]))
    const col = (name: string) => header.indexOf(name)
    const gd = rows.filter((r) => r[col("merchant")]?.includes("Golden Dragon"))
    expect(gd).toHaveLength(1)
    expect(Number(gd[0][col("amount_fen")])).toEqual(netFen)
    expect(gd[0][col("amount_yuan")]).toEqual(`${Math.floor(netFen / 100)}.${String(netFen % 100).padStart(2, "0")}`)
    expect(gd[0][col("account")]).not.toMatch(/\d{5,}/) // masked, never the full account
    expect(gd[0][col("reference")]).toBeTruthy()
    // only approved (or paid) batches are paid out: nothing still calculated is in the file
    const { body: calculated } = await api("GET", `/admin/settlements?business_date=${today}&status=calculated&limit=500`, { token: adminToken })
    for (const s of calculated.settlements) expect(rows.some((r) => r[col("merchant")] === s.merchant_name)).toBe(false)

    // ---- Golden Dragon's staff see the statement on their device, with the same net and lines
    await step(staff, "portal-list", async () => {
      await staff.goto(`${storefront}/merchant/statements`)
      await staff.getByTestId("statements-paired").waitFor()
      expect(await staff.getByTestId("statements-merchant").innerText()).toContain("Golden Dragon")
      const row = staff.locator(`[data-testid="statement-row"][data-statement-id="${batch.id}"]`)
      await row.waitFor()
      expect(await row.getAttribute("data-business-date")).toEqual(today)
      expect(await row.getAttribute("data-status")).toEqual("approved")
      expect((await row.getByTestId("statement-net").innerText()).trim()).toEqual(fenText(netFen))
      // every statement listed is Golden Dragon's own
      const ids = await staff.locator('[data-testid="statement-row"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-statement-id")))
      const { body: own } = await api("GET", `/admin/settlements?merchant_id=${merchant.id}&limit=500`, { token: adminToken })
      const ownIds = new Set(own.settlements.map((s: any) => s.id))
      for (const id of ids) expect(ownIds.has(id)).toBe(true)
      await keepShot(staff, "portal-list")
      await row.click()
    })
    await step(staff, "portal-detail", async () => {
      await staff.locator(`[data-testid="statement-detail"][data-statement-id="${batch.id}"]`).waitFor()
      expect((await staff.getByTestId("statement-detail-net").innerText()).trim()).toEqual(fenText(netFen))
      await staff.getByTestId("statement-line").first().waitFor()
      expect(await staff.getByTestId("statement-line").count()).toEqual(batch.line_count)
      await keepShot(staff, "portal-detail")
      const [download] = await Promise.all([staff.waitForEvent("download"), staff.getByTestId("statement-download").click()])
      expect(download.suggestedFilename()).toEqual(`statement-${today}.csv`)
      const statement = parseCsv(fs.readFileSync((await download.path()) as string, "utf8"))
      const h = statement[0]
      const total = statement.find((r) => r[h.indexOf("line_id")] === "total") as string[]
      expect(Number(total[h.indexOf("net_fen")])).toEqual(netFen)
      expect(statement.filter((r) => r[h.indexOf("voucher_id")] === bought.voucherId)).toHaveLength(1)
    })

    // the device cannot read another merchant's statement
    const { body: all } = await api("GET", `/admin/settlements?business_date=${today}&limit=500`, { token: adminToken })
    const foreign = all.settlements.find((s: any) => s.merchant_id !== merchant.id)
    if (foreign) {
      const res = await terminal.statement(foreign.id)
      expect(res.ok ? 200 : [res.status, res.error.code]).toEqual([404, "statement_not_found"])
    }
    if (process.env.E2E_SHOT_DIR) {
      await operator.goto(`${admin.url}/app/palmlife/ledger`)
      await operator.getByTestId("trial-balance-verdict").waitFor()
      await keepShot(operator, "admin-trial-balance")
      await operator.goto(`${admin.url}/app/palmlife/settlements/reconciliation?business_date=${today}`)
      await operator.getByTestId("reconciliation-page").waitFor()
      await operator.waitForTimeout(2000)
      await keepShot(operator, "admin-reconciliation")
    }
    // the books balance after the day's postings
    const { body: tb } = await api("GET", "/admin/ledger/trial-balance", { token: adminToken })
    expect(yuanToFen(tb.total_debit)).toEqual(yuanToFen(tb.total_credit))
    expect(pageErrors).toEqual([])
  })
})
