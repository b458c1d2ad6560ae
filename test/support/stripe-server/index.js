// Stripe-API-compatible test server for PalmLife's card payments. In-process:
//   const { startStripeServer } = require("test/support/stripe-server")
//   const server = await startStripeServer({ webhooks: [{ url, secret }] })
//   new Stripe(server.secretKey, server.clientOptions())
// As a child process: `node test/support/stripe-server/cli.js --port 12111` (prints its URL).
const server = require("./server")
const signing = require("./webhook-signing")
const { parseForm, encodeForm } = require("./form-encoding")
const { CARDS } = require("./test-cards")

module.exports = { ...server, ...signing, parseForm, encodeForm, TEST_CARDS: CARDS }
