// Starts the whole stack for browser tests: a migrated, seeded database on the test Postgres,
// the Medusa backend and the built Next.js storefront, each on a free port.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { ensureDatabase } = require("../../scripts/lib/ensure-database")
const { nextBin, startProcess, stopProcess, waitForHttp, freePort } = require("../../scripts/lib/processes")
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

async function startStack(pg) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-e2e-"))
  const logs = path.join(work, "logs")
  fs.mkdirSync(logs)
  await ensureDatabase(pg.url("postgres"), "palmlife_e2e")
  const [backendPort, storefrontPort] = [await freePort(), await freePort()]
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const env = {
    DATABASE_URL: pg.url("palmlife_e2e"),
    MEDUSA_BACKEND_URL: backendUrl,
    STOREFRONT_URL: storefrontUrl,
    DEMO_JSON_PATH: path.join(work, "demo.json"),
    DISABLE_MEDUSA_ADMIN: "true",
    STORE_CORS: storefrontUrl,
    AUTH_CORS: storefrontUrl,
  }
  run("migrate", MEDUSA, ["db:migrate"], env)
  run("seed", MEDUSA, ["exec", "./src/scripts/seed.ts"], env)
  const demo = JSON.parse(fs.readFileSync(env.DEMO_JSON_PATH, "utf8"))

  const sfDir = path.join(ROOT, "storefront")
  const hashFile = path.join(sfDir, ".next", "palmlife-build.hash")
  const hash = contentHash([sfDir, path.join(ROOT, "package-lock.json")])
  if (!fs.existsSync(hashFile) || fs.readFileSync(hashFile, "utf8") !== hash) {
    run("storefront build", nextBin(), ["build"], { NODE_ENV: "production" }, sfDir)
    fs.writeFileSync(hashFile, hash)
  }

  const children = []
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
      cwd: sfDir,
      env: { NODE_ENV: "production", MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: demo.publishable_key },
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
  return { backendUrl, storefrontUrl, demo, logs, stop }
}

module.exports = { startStack }
