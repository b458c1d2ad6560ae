// Child processes for the demo and the e2e harness. Each child gets its own process group so
// that stopping it also stops whatever it spawned (next, medusa workers): nothing is orphaned.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const http = require("node:http")
const net = require("node:net")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..", "..")

/** The storefront's `next`: nested under storefront/ when npm could not hoist it. */
function nextBin() {
  const local = path.join(ROOT, "storefront", "node_modules", ".bin", "next")
  return fs.existsSync(local) ? local : path.join(ROOT, "node_modules", ".bin", "next")
}

function startProcess(name, cmd, args, { cwd, env, logFile, echo = false }) {
  const out = logFile ? fs.openSync(logFile, "a") : "ignore"
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", echo ? "inherit" : out, echo ? "inherit" : out],
  })
  child.name = name
  return child
}

function stopProcess(child, timeoutMs = 10000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig)
      } catch {
        /* group already gone */
      }
    }
    const timer = setTimeout(() => kill("SIGKILL"), timeoutMs)
    child.once("exit", () => {
      clearTimeout(timer)
      kill("SIGKILL") // stragglers left in the group
      resolve()
    })
    kill("SIGTERM")
  })
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume()
      resolve(res.statusCode)
    })
    req.on("error", () => resolve(0))
    req.setTimeout(5000, () => {
      req.destroy()
      resolve(0)
    })
  })
}

async function waitForHttp(url, { timeoutMs = 120000, child, expect = (s) => s >= 200 && s < 500 } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${child.name} exited with ${child.exitCode}`)
    if (expect(await get(url))) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000}s`)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function portInUse(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: "127.0.0.1" })
    sock.once("connect", () => {
      sock.destroy()
      resolve(true)
    })
    sock.once("error", () => resolve(false))
  })
}

module.exports = { nextBin, startProcess, stopProcess, waitForHttp, freePort, portInUse }
