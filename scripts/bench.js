#!/usr/bin/env node
// `npm run bench [-- name …]`: runs bench/<name>.js (all when none named). Each benchmark
// measures its own baseline in the same run and prints ratios against it.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")

const dir = path.join(__dirname, "..", "bench")
const all = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.[cm]?js$/.test(f)).map((f) => f.replace(/\.[cm]?js$/, "")) : []
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all
if (!wanted.length) {
  console.log("no benchmarks in bench/ yet")
  process.exit(0)
}
let failed = 0
for (const name of wanted) {
  const file = all.includes(name) ? path.join(dir, `${name}.js`) : null
  if (!file) {
    console.error(`unknown benchmark ${name}; have: ${all.join(", ") || "none"}`)
    failed++
    continue
  }
  console.log(`— bench ${name} —`)
  failed += spawnSync(process.execPath, [file], { stdio: "inherit" }).status === 0 ? 0 : 1
}
process.exit(failed ? 1 : 0)
