// A private stack for one benchmark run, on loopback only: a fresh embedded Postgres, migrated and
// seeded like the demo, fixtures made through the modules, and the backend started as in production.
// `stop()` undoes all of it (data dir and temp dir included), is safe to call more than once and
// at any moment, so a signal handler can call it while `start()` is still under way.
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { startEmbeddedPostgres } = require("../../scripts/lib/embedded-postgres")
const { ensureDatabase } = require("../../scripts/lib/ensure-database")
const { startProcess, stopProcess, waitForHttp, freePort } = require("../../scripts/lib/processes")

const ROOT = path.resolve(__dirname, "..", "..")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const DB_NAME = "palmlife_bench"

function tail(file, chars = 3000) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").slice(-chars) : ""
}

function benchStack({ terminals, log }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-bench-"))
  const children = new Set()
  let pgStarting = null
  let stopped = false
  let stopping = null

  // every caller (signal handler, error path, normal end) awaits the same cleanup to its end
  const stop = () => {
    stopped = true
    stopping ??= (async () => {
      await Promise.all([...children].map((c) => stopProcess(c)))
      // a Postgres still starting is waited for, then stopped: none is left running
      const pg = pgStarting && (await pgStarting.catch(() => null))
      if (pg) {
        await pg.stop()
        fs.rmSync(pg.dataDir, { recursive: true, force: true })
      }
      fs.rmSync(work, { recursive: true, force: true })
    })()
    return stopping
  }

  // every child is tracked, and none starts after stop(): nothing outlives the benchmark
  const spawnTracked = (title, args, opts) => {
    if (stopped) throw new Error("benchmark stopped")
    const child = startProcess(title, MEDUSA, args, opts)
    children.add(child)
    return child
  }

  // One-shot commands run as tracked children (not spawnSync) so Ctrl-C can stop them mid-way.
  const run = async (title, args, env) => {
    const t = Date.now()
    const logFile = path.join(work, `${title}.log`)
    const child = spawnTracked(title, args, { cwd: ROOT, env, logFile })
    const code = await new Promise((resolve) => child.once("exit", (c, sig) => resolve(sig || c)))
    children.delete(child)
    if (code !== 0) throw new Error(`${title} failed (${code}):\n${tail(logFile)}`)
    log(`${title} in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }

  const start = async () => {
    if (stopped) throw new Error("benchmark stopped")
    pgStarting = startEmbeddedPostgres({ name: "pg-bench", port: 55499, fresh: true, log })
    const pg = await pgStarting
    await ensureDatabase(pg.url("postgres"), DB_NAME)
    const env = {
      DATABASE_URL: pg.url(DB_NAME),
      DEMO_JSON_PATH: path.join(work, "demo.json"),
      DISABLE_MEDUSA_ADMIN: "true",
      LOG_LEVEL: "warn",
    }
    await run("migrate", ["db:migrate"], env)
    await run("seed", ["exec", "./src/scripts/seed.ts"], env)
    const fixturesPath = path.join(work, "fixtures.json")
    await run("fixtures", ["exec", "./bench/fixtures/terminal-fixtures.ts"], {
      ...env,
      BENCH_FIXTURES_OUT: fixturesPath,
      BENCH_TERMINALS: String(terminals),
    })
    const fixtures = JSON.parse(fs.readFileSync(fixturesPath, "utf8"))

    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const backendLog = path.join(work, "backend.log")
    const backend = spawnTracked("backend", ["start"], {
      cwd: ROOT,
      env: {
        ...env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1", // loopback only: nothing outside this machine can reach the bench server
        MEDUSA_BACKEND_URL: baseUrl,
        // 64 closed-loop workers on 64 terminals far exceed the per-device limit a real till needs
        TERMINAL_RATE_LIMIT_PER_10S: "1000000",
      },
      logFile: backendLog,
    })
    const t = Date.now()
    try {
      await waitForHttp(`${baseUrl}/health`, { child: backend, expect: (s) => s === 200, timeoutMs: 180000 })
    } catch (err) {
      throw new Error(`${err.message}\nbackend log:\n${tail(backendLog)}`)
    }
    log(`backend up in ${((Date.now() - t) / 1000).toFixed(1)} s at ${baseUrl} (pid ${backend.pid})`)
    return { baseUrl, databaseUrl: env.DATABASE_URL, fixtures }
  }

  return { start, stop }
}

module.exports = { benchStack }
