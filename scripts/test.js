#!/usr/bin/env node
// `npm test`: the whole suite from a clean clone — typecheck, lint, unit, integration, e2e.
// `npm test -- unit integration` runs only the named stages.
const { spawn, spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { ensureDeps, ROOT } = require("./lib/ensure-deps")

process.env.NEXT_TELEMETRY_DISABLED ??= "1"
process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"

const log = (m) => console.log(`\x1b[35m[test]\x1b[0m ${m}`)
const BIN = (b) => path.join(ROOT, "node_modules", ".bin", b)
const counts = { passed: 0, failed: 0, skipped: 0 }
const timings = []

function run(cmd, args, env = {}, cwd = ROOT) {
  return spawnSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } }).status === 0
}

function check(name, ok) {
  counts[ok ? "passed" : "failed"]++
  log(`${name}: ${ok ? "ok" : "FAILED"}`)
  return ok
}

function jest(type, files = [], env = {}) {
  const out = path.join(os.tmpdir(), `palmlife-jest-${type}-${process.pid}.json`)
  run(BIN("jest"), ["--runInBand", "--forceExit", "--json", `--outputFile=${out}`, ...files], {
    TEST_TYPE: type,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS || ""} --experimental-vm-modules`.trim(),
    ...env,
  })
  if (!fs.existsSync(out)) return check(`${type} tests ${files.join(" ")} (jest crashed)`, false)
  const r = JSON.parse(fs.readFileSync(out, "utf8"))
  fs.rmSync(out, { force: true })
  counts.passed += r.numPassedTests
  counts.failed += r.numFailedTests + r.numRuntimeErrorTestSuites
  counts.skipped += r.numPendingTests + r.numTodoTests
  if (r.numTotalTests === 0) return check(`${type} tests (none found)`, false)
  log(`${type}${files.length ? ` ${files.join(" ")}` : ""}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
  return r.success
}

function listTests(type) {
  const res = spawnSync(BIN("jest"), ["--listTests"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, TEST_TYPE: type } })
  return res.stdout.split("\n").filter(Boolean).map((f) => path.relative(ROOT, f)).sort()
}

// Medusa's test runner boots a whole app per file and does not survive a second app in the same
// Jest process (module singletons from the first VM context), so each integration file gets its own.
// Files run TEST_JOBS at a time (default: 2 on a machine with 2+ cores), each with its own
// throwaway Postgres port; a file's output is printed whole when it ends, so logs do not interleave.
async function jestPerFile(type) {
  const files = listTests(type)
  if (!files.length) return check(`${type} tests (none found)`, false)
  const jobs = Math.max(1, Number(process.env.TEST_JOBS || Math.min(2, os.cpus().length)))
  if (jobs === 1) {
    let ok = true
    for (const file of files) ok = jest(type, [file]) && ok
    return ok
  }
  const basePort = Number(process.env.TEST_PG_PORT || 55432)
  const queue = [...files]
  let ok = true
  await Promise.all(
    Array.from({ length: jobs }, async (_, slot) => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        ok = (await jestAsync(type, file, { TEST_PG_PORT: String(basePort + slot * 7) })) && ok
      }
    })
  )
  return ok
}

function jestAsync(type, file, env) {
  const out = path.join(os.tmpdir(), `palmlife-jest-${type}-${process.pid}-${env.TEST_PG_PORT}.json`)
  const logFile = path.join(os.tmpdir(), `palmlife-jest-${type}-${process.pid}-${env.TEST_PG_PORT}.log`)
  const started = Date.now()
  return new Promise((resolve) => {
    const fd = fs.openSync(logFile, "w")
    const child = spawn(BIN("jest"), ["--runInBand", "--forceExit", "--json", `--outputFile=${out}`, file], {
      cwd: ROOT,
      stdio: ["ignore", fd, fd],
      env: { ...process.env, TEST_TYPE: type, NODE_OPTIONS: `${process.env.NODE_OPTIONS || ""} --experimental-vm-modules`.trim(), ...env },
    })
    child.on("exit", () => {
      fs.closeSync(fd)
      process.stdout.write(fs.readFileSync(logFile, "utf8"))
      fs.rmSync(logFile, { force: true })
      if (!fs.existsSync(out)) return resolve(check(`${type} tests ${file} (jest crashed)`, false))
      const r = JSON.parse(fs.readFileSync(out, "utf8"))
      fs.rmSync(out, { force: true })
      counts.passed += r.numPassedTests
      counts.failed += r.numFailedTests + r.numRuntimeErrorTestSuites
      counts.skipped += r.numPendingTests + r.numTodoTests
      if (r.numTotalTests === 0) return resolve(check(`${type} tests ${file} (none found)`, false))
      log(`${type} ${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`)
      resolve(r.success)
    })
  })
}

// A browser test that pays by card says so with `@e2e-stack stripe`: its stack starts the Stripe
// test server (E2E_STRIPE=1). One stack serves a whole Jest process, so such files run in their own.
const wantsStripe = (file) => /@e2e-stack stripe/.test(fs.readFileSync(path.join(ROOT, file), "utf8"))
const e2eEnv = (file) => (wantsStripe(file) ? { E2E_STRIPE: "1" } : {})

function e2eStage() {
  if (!ensureChromium()) return check("e2e (chromium missing: apt-get install chromium)", false)
  const files = listTests("e2e")
  const plain = files.filter((f) => !wantsStripe(f))
  const stripe = files.filter(wantsStripe)
  let ok = true
  if (plain.length) ok = jest("e2e", plain) && ok
  if (stripe.length) ok = jest("e2e", stripe, { E2E_STRIPE: "1" }) && ok
  return ok
}

function ensureChromium() {
  const exe = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
  if (fs.existsSync(exe)) return true
  if (process.getuid && process.getuid() === 0) {
    log("installing Debian's chromium for the browser tests…")
    run("apt-get", ["update", "-qq"])
    run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" })
  }
  return fs.existsSync(exe)
}

const stages = {
  typecheck: () =>
    check("typecheck backend", run(BIN("tsc"), ["--noEmit", "-p", "tsconfig.json"])) &
    check("typecheck admin", run(BIN("tsc"), ["--noEmit", "-p", "src/admin/tsconfig.json"])) &
    check("typecheck storefront", run(BIN("tsc"), ["--noEmit", "-p", "tsconfig.json"], {}, path.join(ROOT, "storefront"))),
  lint: () => check("lint", run(BIN("eslint"), ["."])),
  unit: () => jest("unit"),
  integration: () => jestPerFile("integration"),
  e2e: e2eStage,
}

function stageOf(file) {
  if (/(^|\/)test\/e2e\//.test(file)) return "e2e"
  if (/(^|\/)test\/integration\/|\/__tests__\/.*\.spec\.[jt]s$/.test(file) && !/\.unit\.spec\./.test(file)) return "integration"
  return "unit"
}

async function main() {
  ensureDeps(log)
  const args = process.argv.slice(2)
  const files = args.filter((a) => /\.[jt]sx?$/.test(a))
  if (files.length) {
    // `npm test -- test/integration/foundation.test.ts`: just those files, each in its own stage
    for (const file of files) {
      const stage = stageOf(file)
      if (stage === "e2e" && !ensureChromium()) check("e2e (chromium missing)", false)
      else jest(stage, [file], stage === "e2e" ? e2eEnv(file) : {})
    }
    console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
    process.exit(counts.failed ? 1 : 0)
  }
  const wanted = args
  const order = wanted.length ? wanted : Object.keys(stages)
  for (const name of order) {
    if (!stages[name]) throw new Error(`unknown stage ${name}; stages: ${Object.keys(stages).join(", ")}`)
    const t = Date.now()
    log(`— ${name} —`)
    await stages[name]()
    timings.push(`${name} ${((Date.now() - t) / 1000).toFixed(0)}s`)
  }
  log(`timings: ${timings.join(", ")}`)
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  process.exit(counts.failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
