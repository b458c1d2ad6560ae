// Stripe's webhook signature: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<payload>")>`,
// the HMAC keyed with the endpoint's whole `whsec_…` string, over the exact bytes delivered.
const crypto = require("node:crypto")
const { newId } = require("./ids")

const API_VERSION = "2024-04-10"

function computeSignature(payload, secret, timestamp) {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
}

/** The header value for `payload` (a string, exactly as it will be sent). */
function signatureHeader(payload, secret, timestamp = Math.floor(Date.now() / 1000)) {
  return `t=${timestamp},v1=${computeSignature(payload, secret, timestamp)}`
}

/** An event envelope shaped like Stripe's (`evt_…`, `data.object`, `api_version`, `request`). */
function buildEvent(type, object, { created = Math.floor(Date.now() / 1000), previousAttributes, requestId = null, idempotencyKey = null, id = newId("evt") } = {}) {
  return {
    id,
    object: "event",
    api_version: API_VERSION,
    created,
    data: previousAttributes ? { object, previous_attributes: previousAttributes } : { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: requestId, idempotency_key: idempotencyKey },
    type,
  }
}

/** What Stripe POSTs for `event`: the pretty-printed JSON body and its headers. */
function signedEventRequest(event, secret, timestamp = Math.floor(Date.now() / 1000)) {
  const payload = JSON.stringify(event, null, 2)
  return {
    payload,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "stripe-signature": signatureHeader(payload, secret, timestamp),
      "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    },
  }
}

/** Checks a header the way stripe.webhooks.constructEvent does (any v1 entry, timestamp tolerance). */
function verifySignatureHeader(payload, header, secret, toleranceSeconds = 300, now = Math.floor(Date.now() / 1000)) {
  const items = String(header || "").split(",").map((kv) => kv.split("="))
  const t = Number(items.find(([k]) => k === "t")?.[1])
  const expected = computeSignature(payload, secret, t)
  const match = items.some(([k, v]) => k === "v1" && v && v.length === expected.length && crypto.timingSafeEqual(Buffer.from(v), Buffer.from(expected)))
  return Number.isFinite(t) && match && Math.abs(now - t) <= toleranceSeconds
}

module.exports = { API_VERSION, computeSignature, signatureHeader, buildEvent, signedEventRequest, verifySignatureHeader }
