#!/usr/bin/env node
// Standalone Stripe test server: `node test/support/stripe-server/cli.js [--port N] [--host H]
//   [--secret-key sk_test_…] [--publishable-key pk_test_…]
//   [--webhook-url URL --webhook-secret whsec_… [--webhook-events a.b,c.d]]
//   [--fee-bps N] [--fee-fixed N] [--settlement-days N] [--verbose]`
// Prints one JSON line `{"url":…,"secret_key":…,"publishable_key":…}` once it listens, then serves
// until SIGTERM/SIGINT.
const { startStripeServer } = require("./server")

function parseArgs(argv) {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`)
    const [k, inline] = a.slice(2).split("=", 2)
    if (k === "verbose") out.verbose = true
    else out[k] = inline ?? argv[++i]
  }
  return out
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const num = (v) => (v === undefined ? undefined : Number(v))
  const server = await startStripeServer({
    port: num(args.port ?? process.env.STRIPE_TEST_SERVER_PORT) ?? 0,
    host: args.host,
    secretKey: args["secret-key"] ?? process.env.STRIPE_API_KEY,
    publishableKey: args["publishable-key"] ?? process.env.STRIPE_PUBLISHABLE_KEY,
    webhooks: args["webhook-url"]
      ? [{ url: args["webhook-url"], secret: args["webhook-secret"], enabled_events: args["webhook-events"] ? args["webhook-events"].split(",") : ["*"] }]
      : [],
    feeBps: num(args["fee-bps"]),
    feeFixed: num(args["fee-fixed"]),
    settlementDays: num(args["settlement-days"]),
    log: args.verbose ? (line) => process.stderr.write(`[stripe-server] ${line}\n`) : undefined,
  })
  process.stdout.write(`${JSON.stringify({ url: server.url, secret_key: server.secretKey, publishable_key: server.publishableKey, webhook_endpoints: server.endpoints.map((e) => e.id) })}\n`)
  const stop = () => server.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`)
  process.exit(1)
})
