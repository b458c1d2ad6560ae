// One Jest config, three suites chosen by TEST_TYPE (unit | integration | e2e).
// Integration and e2e suites get a private embedded PostgreSQL from test/support/global-setup.js.
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const suites = {
  unit: ["**/test/unit/**/*.test.[jt]s", "**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  integration: ["**/test/integration/**/*.test.[jt]s", "**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  e2e: ["**/test/e2e/**/*.test.[jt]s"],
}
const type = process.env.TEST_TYPE || "unit"
if (!suites[type]) throw new Error(`unknown TEST_TYPE ${type}; use one of ${Object.keys(suites)}`)

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/storefront/", "<rootDir>/.data/"],
  testMatch: suites[type],
  testPathIgnorePatterns: type === "unit" ? [] : ["\\.unit\\.spec\\.[jt]s$"],
  setupFiles: ["./test/support/setup-env.js"],
  ...(type === "unit"
    ? {}
    : {
        globalSetup: "./test/support/global-setup.js",
        globalTeardown: "./test/support/global-teardown.js",
        testTimeout: 180000,
      }),
}
