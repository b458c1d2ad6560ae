// Starts a throwaway embedded PostgreSQL for the integration and e2e suites and points
// @medusajs/test-utils at it (it reads DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD).
// A DATABASE_URL-free run never touches the demo database: its own data dir and port.
const fs = require("node:fs")
const { startEmbeddedPostgres } = require("../../scripts/lib/embedded-postgres")

module.exports = async function globalSetup() {
  const port = Number(process.env.TEST_PG_PORT || 55432)
  const pg = await startEmbeddedPostgres({
    name: `pg-test-${port}`,
    port,
    fresh: true,
    log: (m) => process.stderr.write(`[test-db] ${m}\n`),
  })
  Object.assign(process.env, {
    // "localhost" matters: test-utils turns on SSL for any other host name
    DB_HOST: "localhost",
    DB_PORT: String(pg.port),
    DB_USERNAME: pg.user,
    DB_PASSWORD: pg.password,
    TEST_PG_ADMIN_URL: pg.url("postgres"),
  })
  globalThis.__PALMLIFE_TEST_PG__ = pg

  if (process.env.TEST_TYPE === "e2e") {
    const { startStack } = require("./e2e-stack")
    let stack
    try {
      stack = await startStack(pg)
    } catch (err) {
      // Jest skips the teardown when the setup fails: stop the database here, or the next
      // browser-test process finds its port taken
      await pg.stop()
      fs.rmSync(pg.dataDir, { recursive: true, force: true })
      throw err
    }
    globalThis.__PALMLIFE_E2E_STACK__ = stack
    Object.assign(process.env, {
      E2E_BACKEND_URL: stack.backendUrl,
      E2E_STOREFRONT_URL: stack.storefrontUrl,
      E2E_PUBLISHABLE_KEY: stack.demo.publishable_key,
      E2E_DEMO_JSON: JSON.stringify(stack.demo),
    })
  }
}
