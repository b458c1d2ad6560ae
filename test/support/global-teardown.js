const fs = require("node:fs")

module.exports = async function globalTeardown() {
  const pg = globalThis.__PALMLIFE_TEST_PG__
  if (!pg) return
  await pg.stop()
  fs.rmSync(pg.dataDir, { recursive: true, force: true })
}
