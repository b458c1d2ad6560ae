const fs = require("node:fs")

module.exports = async function globalTeardown() {
  const stack = globalThis.__PALMLIFE_E2E_STACK__
  if (stack) await stack.stop()
  const pg = globalThis.__PALMLIFE_TEST_PG__
  if (!pg) return
  await pg.stop()
  fs.rmSync(pg.dataDir, { recursive: true, force: true })
}
