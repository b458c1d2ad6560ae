#!/usr/bin/env node
// `npm run demo`: install → embedded Postgres → migrate → seed (once) → build → serve
// backend (:9000, admin at /app) and storefront (:8000). Ctrl-C stops all of it.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { ensureDeps, ROOT } = require("./lib/ensure-deps")

process.env.NEXT_TELEMETRY_DISABLED ??= "1"
process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"

const log = (m) => console.log(`\x1b[36m[demo]\x1b[0m ${m}`)
const DATA = path.join(ROOT, ".data")
const LOGS = path.join(DATA, "logs")
const BACKEND_PORT = Number(process.env.PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const BACKEND_URL = process.env.MEDUSA_BACKEND_URL || `http://localhost:${BACKEND_PORT}`
const STOREFRONT_URL = process.env.STOREFRONT_URL || `http://localhost:${STOREFRONT_PORT}`
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")

function step(title, cmd, args, opts = {}) {
  const t = Date.now()
  log(`${title}…`)
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts, env: { ...process.env, ...opts.env } })
    child.once("error", reject)
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`${title} failed (exit ${code})`))
      log(`${title} done in ${((Date.now() - t) / 1000).toFixed(1)} s`)
      resolve()
    })
  })
}

async function cached(name, hash, build) {
  const file = path.join(DATA, `${name}.hash`)
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === hash) {
    log(`${name}: up to date, skipping`)
    return
  }
  await build()
  fs.writeFileSync(file, hash)
}

async function main() {
  const started = Date.now()
  ensureDeps(log)
  fs.mkdirSync(LOGS, { recursive: true })

  const { startEmbeddedPostgres } = require("./lib/embedded-postgres")
  const { ensureDatabase } = require("./lib/ensure-database")
  const { nextBin, startProcess, stopProcess, waitForHttp, portInUse } = require("./lib/processes")
  const { contentHash } = require("./lib/content-hash")
  const { Client } = require("pg")

  for (const port of [BACKEND_PORT, STOREFRONT_PORT]) {
    if (await portInUse(port)) throw new Error(`port ${port} is already in use; stop what runs there first`)
  }

  const children = []
  let pg = null
  let stopping = false
  const shutdown = async (code = 0) => {
    if (stopping) return
    stopping = true
    log("stopping…")
    await Promise.all(children.map((c) => stopProcess(c)))
    if (pg) await pg.stop()
    log("stopped")
    process.exit(code)
  }
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => shutdown(0))

  try {
    let databaseUrl = process.env.DATABASE_URL
    if (!databaseUrl) {
      const port = Number(process.env.PALMLIFE_PG_PORT || 5433)
      pg = await startEmbeddedPostgres({ name: "pg", port, log })
      await ensureDatabase(pg.url("postgres"), "palmlife")
      databaseUrl = pg.url("palmlife")
      log(`embedded PostgreSQL on :${port}, data in ${pg.dataDir}`)
    } else {
      log("using DATABASE_URL")
    }
    const env = {
      DATABASE_URL: databaseUrl,
      MEDUSA_BACKEND_URL: BACKEND_URL,
      STOREFRONT_URL,
      DEMO_JSON_PATH: path.join(DATA, "demo.json"),
    }
    if (process.env.REDIS_URL) log(`REDIS_URL set: Redis event bus, workflow engine, locking and cache`)

    // Builds need no database, so they run while the database is migrated and seeded.
    const prepareDatabase = async () => {
      await step("migrating the database", MEDUSA, ["db:migrate"], { env })
      const client = new Client({ connectionString: databaseUrl })
      await client.connect()
      // the seed is idempotent: rerun it when the newest part of the demo data (rights) is missing
      const seeded = await client
        .query(
          `SELECT 1 WHERE EXISTS (SELECT 1 FROM product WHERE handle = 'golden-dragon-100-voucher' AND deleted_at IS NULL)
             AND EXISTS (SELECT 1 FROM benefit_program WHERE deleted_at IS NULL)`
        )
        .then((r) => r.rowCount > 0)
      await client.end()
      if (!seeded || !fs.existsSync(env.DEMO_JSON_PATH)) {
        await step("seeding demo data", MEDUSA, ["exec", "./src/scripts/seed.ts"], { env })
      } else {
        log("demo data already seeded")
      }
    }
    const server = path.join(ROOT, ".medusa", "server")
    const build = async () => {
      const backendHash = contentHash(["src", "medusa-config.js", "tsconfig.json", "package-lock.json"].map((p) => path.join(ROOT, p)))
      await cached("backend-build", backendHash, () => step("building backend and admin", MEDUSA, ["build"], { env }))
      // The build compiles TypeScript only; the plain-JS config has to travel with it.
      fs.copyFileSync(path.join(ROOT, "medusa-config.js"), path.join(server, "medusa-config.js"))
      // Product images live in <root>/static; the built server serves <its cwd>/static.
      const staticLink = path.join(server, "static")
      fs.mkdirSync(path.join(ROOT, "static"), { recursive: true })
      if (!fs.existsSync(staticLink)) fs.symlinkSync(path.join(ROOT, "static"), staticLink)

      const sfHash = contentHash([path.join(ROOT, "storefront"), path.join(ROOT, "package-lock.json")])
      await cached("storefront-build", sfHash, () => step("building storefront", "npm", ["run", "build", "-w", "storefront"]))
    }
    await Promise.all([prepareDatabase(), build()])

    const demo = JSON.parse(fs.readFileSync(env.DEMO_JSON_PATH, "utf8"))
    log("starting backend…")
    const backend = startProcess("backend", MEDUSA, ["start"], {
      cwd: server,
      env: { ...env, NODE_ENV: "production", PORT: String(BACKEND_PORT) },
      logFile: path.join(LOGS, "backend.log"),
    })
    children.push(backend)
    const storefront = startProcess("storefront", nextBin(), ["start", "-p", String(STOREFRONT_PORT)], {
      cwd: path.join(ROOT, "storefront"),
      env: { NODE_ENV: "production", MEDUSA_BACKEND_URL: BACKEND_URL, MEDUSA_PUBLISHABLE_KEY: demo.publishable_key },
      logFile: path.join(LOGS, "storefront.log"),
    })
    children.push(storefront)
    await waitForHttp(`http://127.0.0.1:${BACKEND_PORT}/health`, { child: backend, expect: (s) => s === 200 })
    await waitForHttp(`http://127.0.0.1:${STOREFRONT_PORT}/`, { child: storefront })

    const secs = ((Date.now() - started) / 1000).toFixed(0)
    console.log(`
  PalmLife is running (ready in ${secs} s). Ctrl-C stops everything.

    Storefront   ${STOREFRONT_URL}
    Admin        ${BACKEND_URL}/app        ${demo.admin.email} / ${demo.admin.password}
    Store API    ${BACKEND_URL}/store      x-publishable-api-key: ${demo.publishable_key}
    Customer     ${demo.customer.email} / ${demo.customer.password}
    Logs         ${LOGS}
`)
    for (const c of children) {
      c.once("exit", (code) => {
        if (!stopping) {
          log(`${c.name} exited (${code}); see ${LOGS}`)
          shutdown(1)
        }
      })
    }
  } catch (err) {
    console.error(`\x1b[31m[demo] ${err.message}\x1b[0m`)
    await shutdown(1)
  }
}

main()
