// Hash of the files a build depends on, so the demo rebuilds only when they changed.
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

// next build rewrites next-env.d.ts and tsbuildinfo files: they must not trigger a rebuild
const SKIP = new Set(["node_modules", ".next", ".medusa", ".data", ".git", "static", "uploads", "next-env.d.ts"])

function walk(p, files) {
  if (!fs.existsSync(p)) return
  const st = fs.statSync(p)
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name) && !name.endsWith(".tsbuildinfo")) walk(path.join(p, name), files)
  } else files.push(p)
}

function contentHash(paths) {
  const files = []
  for (const p of paths) walk(p, files)
  const h = crypto.createHash("sha256")
  for (const f of files) h.update(f).update("\0").update(fs.readFileSync(f))
  return h.digest("hex")
}

module.exports = { contentHash }
