// One config for every environment: the environment decides between embedded and real services.
// DATABASE_URL → that Postgres (else the embedded one `npm run demo` starts on PALMLIFE_PG_PORT);
// REDIS_URL → Medusa's Redis event bus, workflow engine, locking and cache (else in-memory).
const { loadEnv, defineConfig, Modules } = require("@medusajs/framework/utils")

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const pgPort = process.env.PALMLIFE_PG_PORT || "5433"
const databaseUrl =
  process.env.DATABASE_URL || `postgres://palmlife:palmlife@127.0.0.1:${pgPort}/palmlife`
const redisUrl = process.env.REDIS_URL
const backendUrl = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const storefrontUrl = process.env.STOREFRONT_URL || "http://localhost:8000"
const adminUrls = [backendUrl, "http://localhost:9000", "http://localhost:5173"].join(",")

const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { url: redisUrl } },
      },
      {
        key: Modules.CACHE,
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              id: "locking-redis",
              resolve: "@medusajs/medusa/locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

// STRIPE_API_KEY → card payments through @medusajs/payment-stripe as `pp_stripe_stripe`, beside the
// system provider (which the payment module always registers); STRIPE_API_BASE points the client at
// a Stripe-API-compatible host (tests). Capture is manual: vouchers capture on issuance, mall
// goods on fulfilment. Unset: the payment module runs with its defaults (system provider only).
const stripeApiKey = process.env.STRIPE_API_KEY
const paymentModules = stripeApiKey
  ? [
      {
        key: Modules.PAYMENT,
        resolve: "@medusajs/medusa/payment",
        options: {
          providers: [
            {
              resolve: "./src/modules/stripe-card",
              id: "stripe",
              options: {
                apiKey: stripeApiKey,
                webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
                apiBase: process.env.STRIPE_API_BASE || undefined,
                capture: false,
              },
            },
          ],
        },
      },
    ]
  : []

// Search (issue 8): Medusa's Search Module with the Chinese-aware Postgres provider (src/modules/search/
// postgres-zh) by default; MEILISEARCH_HOST (+ MEILISEARCH_API_KEY) → the Meilisearch provider from
// plugins/search-meilisearch serves the indexes. Medusa's stock Postgres provider stays registered:
// its migration creates the text search configuration the Chinese provider builds on.
const meilisearchHost = process.env.MEILISEARCH_HOST
const searchModules = [
  {
    key: Modules.SEARCH,
    resolve: "@medusajs/medusa/search",
    options: {
      default_provider: meilisearchHost ? "meilisearch" : "postgres-zh",
      providers: [
        { resolve: "@medusajs/medusa/search-postgres", id: "postgres", options: { engine: "native" } },
        { resolve: "./src/modules/search/postgres-zh", id: "postgres-zh" },
        ...(meilisearchHost
          ? [{ resolve: "./plugins/search-meilisearch", id: "meilisearch", options: { host: meilisearchHost, apiKey: process.env.MEILISEARCH_API_KEY } }]
          : []),
      ],
    },
  },
]

module.exports = defineConfig({
  // Medusa's Caching Module (query.graph results with a cache option): every /store request's
  // publishable-key lookup and the cart's regions, prices and shipping options come from memory,
  // invalidated by Medusa's own events. The built-in memory provider; one per server.
  featureFlags: { caching: true },
  projectConfig: {
    databaseUrl,
    databaseLogging: false,
    redisUrl,
    workerMode: process.env.MEDUSA_WORKER_MODE || "shared",
    // Medusa marks the admin session cookie Secure in production, which a browser never sends
    // back over the plain-http demo; follow the scheme the backend is actually served on.
    cookieOptions: { sameSite: "lax", secure: backendUrl.startsWith("https://") },
    http: {
      storeCors: process.env.STORE_CORS || `${storefrontUrl},http://127.0.0.1:8000`,
      adminCors: process.env.ADMIN_CORS || adminUrls,
      authCors: process.env.AUTH_CORS || `${adminUrls},${storefrontUrl},http://127.0.0.1:8000`,
      jwtSecret: process.env.JWT_SECRET || "palmlife-dev-jwt-secret-change-me",
      cookieSecret: process.env.COOKIE_SECRET || "palmlife-dev-cookie-secret-change-me",
    },
  },
  admin: {
    path: "/app",
    backendUrl,
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
  },
  modules: [
    { key: Modules.CACHING, resolve: "@medusajs/medusa/caching", options: { in_memory: { enable: true } } },
    {
      key: Modules.FILE,
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            id: "local",
            resolve: "@medusajs/medusa/file-local",
            options: { backend_url: `${backendUrl}/static` },
          },
        ],
      },
    },
    { resolve: "./src/modules/merchant" },
    { resolve: "./src/modules/voucher" },
    { resolve: "./src/modules/rights" },
    { resolve: "./src/modules/settlement" },
    { resolve: "./src/modules/cinema" },
    { resolve: "./src/modules/travel" },
    { resolve: "./src/modules/search" },
    ...searchModules,
    ...paymentModules,
    ...redisModules,
  ],
})
