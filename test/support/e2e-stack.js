// Starts the whole stack for browser tests: a migrated, seeded database on the test Postgres,
// the Medusa backend and the built Next.js storefront, each on a free port.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { ensureDatabase } = require("../../scripts/lib/ensure-database")
const { nextBin, startProcess, stopProcess, waitForHttp, freePort, portInUse } = require("../../scripts/lib/processes")
const { contentHash } = require("../../scripts/lib/content-hash")

const ROOT = path.resolve(__dirname, "..", "..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const log = (m) => process.stderr.write(`[e2e-stack] ${m}\n`)

function run(title, cmd, args, env, cwd = ROOT) {
  const t = Date.now()
  const res = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" })
  if (res.status !== 0) throw new Error(`${title} failed:\n${(res.stdout || "").slice(-4000)}\n${(res.stderr || "").slice(-4000)}`)
  log(`${title} in ${((Date.now() - t) / 1000).toFixed(1)} s`)
}

// Opt-in card payments (E2E_STRIPE=1 or startStack(pg, { stripe: true })): the Stripe test server
// (test/support/stripe-server) as a child process, the backend's Stripe provider pointed at it,
// webhooks delivered to the backend, and its URL and publishable key for tests and the storefront.
const STRIPE = {
  secretKey: "sk_test_palmlife_e2e_00000000000000",
  publishableKey: "pk_test_palmlife_e2e_00000000000000",
  webhookSecret: "whsec_palmlife_e2e_00000000000000",
  // stripe-mock's usual port when free: the storefront inlines the URL at build time, so a stable
  // port spares a rebuild per run
  preferredPort: 12111,
}

async function startStripeTestServer(backendUrl, logs) {
  const port = (await portInUse(STRIPE.preferredPort)) ? await freePort() : STRIPE.preferredPort
  const apiBase = `http://127.0.0.1:${port}`
  const child = startProcess("stripe test server", process.execPath, [
    path.join(__dirname, "stripe-server", "cli.js"), "--port", String(port),
    "--secret-key", STRIPE.secretKey, "--publishable-key", STRIPE.publishableKey,
    "--webhook-url", `${backendUrl}/hooks/payment/stripe_stripe`, "--webhook-secret", STRIPE.webhookSecret,
    "--webhook-events", "payment_intent.succeeded,payment_intent.payment_failed,payment_intent.amount_capturable_updated,payment_intent.canceled",
    "--verbose",
  ], { cwd: ROOT, env: {}, logFile: path.join(logs, "stripe.log") })
  try {
    await waitForHttp(`${apiBase}/_test/state`, { child, timeoutMs: 20000, expect: (s) => s === 200 })
  } catch (err) {
    await stopProcess(child)
    throw err
  }
  log(`stripe test server ${apiBase}`)
  return { child, apiBase, secretKey: STRIPE.secretKey, publishableKey: STRIPE.publishableKey, webhookSecret: STRIPE.webhookSecret }
}

async function startStack(pg, options = {}) {
  const withStripe = options.stripe ?? process.env.E2E_STRIPE === "1"
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-e2e-"))
  const logs = path.join(work, "logs")
  fs.mkdirSync(logs)
  await ensureDatabase(pg.url("postgres"), "palmlife_e2e")
  const [backendPort, storefrontPort] = [await freePort(), await freePort()]
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const stripe = withStripe ? await startStripeTestServer(backendUrl, logs) : null
  const stripeBackendEnv = stripe ? { STRIPE_API_KEY: stripe.secretKey, STRIPE_API_BASE: stripe.apiBase, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret } : {}
  const stripeStorefrontEnv = stripe ? { NEXT_PUBLIC_STRIPE_API_BASE: stripe.apiBase, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: stripe.publishableKey } : {}
  if (stripe) {
    Object.assign(process.env, { E2E_STRIPE_API_BASE: stripe.apiBase, E2E_STRIPE_PUBLISHABLE_KEY: stripe.publishableKey })
  }
  const env = {
    DATABASE_URL: pg.url("palmlife_e2e"),
    MEDUSA_BACKEND_URL: backendUrl,
    STOREFRONT_URL: storefrontUrl,
    DEMO_JSON_PATH: path.join(work, "demo.json"),
    DISABLE_MEDUSA_ADMIN: "true",
    STORE_CORS: storefrontUrl,
    AUTH_CORS: storefrontUrl,
    ...stripeBackendEnv,
  }
  const children = stripe ? [stripe.child] : []
  let demo
  try {
    run("migrate", MEDUSA, ["db:migrate"], env)
    run("seed", MEDUSA, ["exec", "./src/scripts/seed.ts"], env)
    demo = JSON.parse(fs.readFileSync(env.DEMO_JSON_PATH, "utf8"))

    const sfDir = path.join(ROOT, "storefront")
    const hashFile = path.join(sfDir, ".next", "palmlife-build.hash")
    // NEXT_PUBLIC_* values are inlined by next build: a build for another Stripe URL is a different build
    const stripeTag = stripe ? `\nstripe ${stripe.apiBase} ${stripe.publishableKey}` : ""
    const hash = contentHash([sfDir, path.join(ROOT, "package-lock.json")]) + stripeTag
    if (!fs.existsSync(hashFile) || fs.readFileSync(hashFile, "utf8") !== hash) {
      run("storefront build", nextBin(), ["build"], { NODE_ENV: "production", ...stripeStorefrontEnv }, sfDir)
      fs.writeFileSync(hashFile, hash)
    }
  } catch (err) {
    await Promise.all(children.map((c) => stopProcess(c)))
    throw err
  }

  const stop = async () => {
    await Promise.all(children.map((c) => stopProcess(c)))
  }
  try {
    const backend = startProcess("backend", MEDUSA, ["start"], {
      cwd: ROOT,
      env: { ...env, PORT: String(backendPort), NODE_ENV: "production" },
      logFile: path.join(logs, "backend.log"),
    })
    children.push(backend)
    const storefront = startProcess("storefront", nextBin(), ["start", "-p", String(storefrontPort)], {
      cwd: path.join(ROOT, "storefront"),
      env: { NODE_ENV: "production", MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: demo.publishable_key, ...stripeStorefrontEnv },
      logFile: path.join(logs, "storefront.log"),
    })
    children.push(storefront)
    await waitForHttp(`${backendUrl}/health`, { child: backend, expect: (s) => s === 200 })
    await waitForHttp(storefrontUrl, { child: storefront })
  } catch (err) {
    await stop()
    const tail = (f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8").slice(-3000) : "")
    throw new Error(`${err.message}\nbackend log:\n${tail(path.join(logs, "backend.log"))}\nstorefront log:\n${tail(path.join(logs, "storefront.log"))}`)
  }
  log(`backend ${backendUrl}, storefront ${storefrontUrl}, logs in ${logs}`)
  const stripeInfo = stripe ? { apiBase: stripe.apiBase, publishableKey: stripe.publishableKey, secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret } : null
  return { backendUrl, storefrontUrl, demo, logs, stop, stripe: stripeInfo }
}

module.exports = { startStack }
