// A Stripe-API-compatible test server: Node `http`, in memory, speaking Stripe's wire protocol the
// way the stripe-node SDK and Stripe.js do (form-encoded bodies, Bearer/Basic secret key,
// publishable key + client_secret for the browser's calls, Stripe's error shape, Idempotency-Key,
// signed webhooks). See README.md in this folder for the endpoint list.
const http = require("node:http")
const https = require("node:https")
const { parseForm } = require("./form-encoding")
const { newId, randomChars } = require("./ids")
const { StripeState } = require("./stripe-state")
const { StripeApiError, invalidRequest, noSuch, authError, idempotencyError } = require("./stripe-errors")
const { API_VERSION, signedEventRequest } = require("./webhook-signing")
const P = require("./params")

const DEFAULT_SECRET_KEY = "sk_test_palmlife_0000000000000000"
const DEFAULT_PUBLISHABLE_KEY = "pk_test_palmlife_0000000000000000"
const MAX_BODY = 1024 * 1024

const redact = (key) => (key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "****")

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`
  return JSON.stringify(value)
}

class StripeTestServer {
  /**
   * @param {object} [options]
   * @param {string|string[]} [options.secretKey] accepted secret key(s), `sk_test_…`
   * @param {string|string[]} [options.publishableKey] accepted publishable key(s), `pk_test_…`
   * @param {number} [options.port] 0 (default) picks a free port
   * @param {string} [options.host] default 127.0.0.1
   * @param {{ url: string, secret?: string, enabled_events?: string[] }[]} [options.webhooks]
   * @param {number} [options.feeBps] fee per captured charge in basis points (default 0)
   * @param {number} [options.feeFixed] fixed fee per captured charge in minor units (default 0)
   * @param {number} [options.settlementDays] days until captured funds are available (default 2)
   * @param {number} [options.webhookRetries] extra delivery attempts after a failure (default 2)
   * @param {(line: string) => void} [options.log]
   */
  constructor(options = {}) {
    this.secretKeys = [].concat(options.secretKey ?? DEFAULT_SECRET_KEY)
    this.publishableKeys = [].concat(options.publishableKey ?? DEFAULT_PUBLISHABLE_KEY)
    this.secretKey = this.secretKeys[0]
    this.publishableKey = this.publishableKeys[0]
    this.port = options.port ?? 0
    this.host = options.host ?? "127.0.0.1"
    this.webhookRetries = options.webhookRetries ?? 2
    this.log = options.log ?? (() => {})
    this.url = ""
    this.state = new StripeState({
      feeBps: options.feeBps,
      feeFixed: options.feeFixed,
      settlementDays: options.settlementDays,
      baseUrl: () => this.url,
      onEvent: (event) => this.dispatch(event),
    })
    this.idempotency = new Map()
    this.endpoints = []
    this.deliveries = []
    this.inflight = new Set()
    for (const w of options.webhooks ?? []) this.addWebhookEndpoint(w)
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        this.log(`internal error: ${err.stack}`)
        if (!res.headersSent) this.send(res, 500, { error: { type: "api_error", message: "An unknown error occurred in the test server." } })
      })
    })
  }

  /** Starts listening; resolves to the base URL (`http://127.0.0.1:<port>`). */
  listen() {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject)
      this.server.listen(this.port, this.host, () => {
        this.port = this.server.address().port
        this.url = `http://${this.host.includes(":") ? `[${this.host}]` : this.host}:${this.port}`
        resolve(this.url)
      })
    })
  }

  async close() {
    await this.flushWebhooks().catch(() => {})
    await new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections?.()
    })
  }

  /** Options for `new Stripe(key, …)` so the SDK talks to this server. */
  clientOptions() {
    const u = new URL(this.url)
    return { host: u.hostname, port: Number(u.port), protocol: u.protocol.replace(":", ""), telemetry: false }
  }

  reset({ endpoints = false } = {}) {
    this.state.reset()
    this.idempotency.clear()
    this.deliveries = []
    if (endpoints) this.endpoints = []
  }

  // ——— webhooks ———

  addWebhookEndpoint({ url, secret, enabled_events = ["*"], description = null, metadata = {} }) {
    if (!url || !/^https?:\/\//.test(url)) throw invalidRequest("Invalid URL: An explicit scheme (such as https) must be provided.", { param: "url" })
    const endpoint = {
      id: newId("we"),
      object: "webhook_endpoint",
      api_version: API_VERSION,
      application: null,
      created: this.state.now(),
      description,
      enabled_events: [].concat(enabled_events),
      livemode: false,
      metadata,
      secret: secret || `whsec_${randomChars(32)}`,
      status: "enabled",
      url,
    }
    this.endpoints.push(endpoint)
    endpoint.chain = Promise.resolve()
    return endpoint
  }

  endpointView(ep, withSecret = false) {
    const { chain: _chain, secret, ...rest } = ep
    return withSecret ? { ...rest, secret } : rest
  }

  dispatch(event) {
    const targets = this.endpoints.filter((ep) => ep.status === "enabled" && (ep.enabled_events.includes("*") || ep.enabled_events.includes(event.type)))
    event.pending_webhooks = targets.length
    for (const ep of targets) {
      const p = ep.chain.then(() => this.deliver(ep, event))
      ep.chain = p.catch(() => {})
      this.inflight.add(p)
      p.finally(() => this.inflight.delete(p)).catch(() => {})
    }
  }

  async deliver(ep, event) {
    const record = { id: newId("whdel"), endpoint_id: ep.id, url: ep.url, event_id: event.id, type: event.type, attempts: 0, status: null, error: null, delivered: false, response_body: null }
    this.deliveries.push(record)
    for (let attempt = 0; attempt <= this.webhookRetries; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 250 * attempt))
      record.attempts++
      const { payload, headers } = signedEventRequest(event, ep.secret)
      try {
        const { status, body } = await post(ep.url, payload, headers)
        Object.assign(record, { status, response_body: body.slice(0, 500), error: null })
        if (status >= 200 && status < 300) {
          record.delivered = true
          event.pending_webhooks = Math.max(0, event.pending_webhooks - 1)
          return
        }
      } catch (err) {
        record.error = err.message
      }
    }
    this.log(`webhook ${event.type} to ${ep.url} failed: ${record.status ?? record.error}`)
  }

  /** Resolves when every queued webhook delivery has finished (delivered or given up). */
  async flushWebhooks() {
    while (this.inflight.size) await Promise.allSettled([...this.inflight])
    return this.deliveries
  }

  // ——— HTTP ———

  send(res, status, body, headers = {}) {
    const text = JSON.stringify(body, null, 2)
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers })
    res.end(text)
  }

  async handle(req, res) {
    res.setHeader("access-control-allow-origin", req.headers.origin || "*")
    res.setHeader("access-control-allow-credentials", "true")
    res.setHeader("access-control-allow-headers", "authorization, content-type, idempotency-key, stripe-version, stripe-account")
    res.setHeader("access-control-allow-methods", "GET, POST, DELETE, OPTIONS")
    res.setHeader("access-control-expose-headers", "request-id, idempotent-replayed, original-request, stripe-version")
    res.setHeader("access-control-max-age", "300")
    if (req.method === "OPTIONS") {
      res.writeHead(204)
      return res.end()
    }
    const url = new URL(req.url, "http://localhost")
    const body = await readBody(req)
    const requestId = newId("req")
    res.setHeader("request-id", requestId)
    res.setHeader("stripe-version", req.headers["stripe-version"] || API_VERSION)
    if (url.pathname.startsWith("/_test/")) return this.handleTestRoute(req, res, url, body)
    this.log(`${req.method} ${url.pathname}`)

    const params = { ...parseForm(url.search.slice(1)), ...(req.method === "POST" ? parseForm(body) : {}) }
    const idemKey = req.method === "POST" ? req.headers["idempotency-key"] : undefined
    try {
      const auth = this.authenticate(req, params)
      const route = this.route(req.method, url.pathname)
      if (!route) {
        throw invalidRequest(`Unrecognized request URL (${req.method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`, {}, 404)
      }
      if (auth.mode === "publishable" && !route.publishable) {
        throw authError("This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.")
      }
      if (idemKey) {
        res.setHeader("idempotency-key", idemKey)
        const scope = `${auth.key}\n${idemKey}`
        const fingerprint = `${req.method} ${url.pathname} ${canonical(params)}`
        const stored = this.idempotency.get(scope)
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            throw idempotencyError(`Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`)
          }
          return this.send(res, stored.status, stored.body, { "idempotent-replayed": "true", "original-request": stored.requestId })
        }
        const { status, body: out } = this.execute(route, params, auth, requestId, idemKey)
        // Stripe saves a result once the endpoint ran: successes and card declines, not rejected input
        if (status < 400 || status === 402) this.idempotency.set(scope, { fingerprint, status, body: out, requestId })
        return this.send(res, status, out)
      }
      const { status, body: out } = this.execute(route, params, auth, requestId, null)
      return this.send(res, status, out)
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err
      return this.send(res, err.status, { error: this.errorBody(err, requestId) }, { "stripe-should-retry": "false" })
    }
  }

  errorBody(err, requestId) {
    return err.status === 401 ? err.error : { ...err.error, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` }
  }

  execute(route, params, auth, requestId, idempotencyKey) {
    const ctx = { requestId, idempotencyKey }
    try {
      const result = route.handler({ params, auth, ctx, id: route.id, sub: route.sub })
      const expand = (P.stringList(params, "expand") ?? []).filter(() => result.object !== "list")
      const view = auth.mode === "publishable" && /_intent$/.test(result.object) ? this.state.clientView(result) : result
      return { status: 200, body: result.object === "list" ? result : this.state.expand(view, expand) }
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err
      return { status: err.status, body: { error: this.errorBody(err, requestId) } }
    }
  }

  authenticate(req, params) {
    let key
    const header = req.headers.authorization
    if (header) {
      const [scheme, value = ""] = header.split(" ")
      if (/^bearer$/i.test(scheme)) key = value.trim()
      else if (/^basic$/i.test(scheme)) key = Buffer.from(value, "base64").toString("utf8").split(":")[0]
    }
    if (typeof params.key === "string") {
      key ??= params.key // Stripe.js sends the publishable key in the body
      delete params.key
    }
    if (!key) {
      throw authError("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.")
    }
    if (this.secretKeys.includes(key)) return { mode: "secret", key }
    if (this.publishableKeys.includes(key)) return { mode: "publishable", key }
    throw authError(`Invalid API Key provided: ${redact(key)}`)
  }

  route(method, path) {
    const s = this.state
    const table = [
      ["POST", "/v1/payment_intents", (r) => s.createPaymentIntent(r.params, r.ctx)],
      ["GET", "/v1/payment_intents", (r) => s.listPaymentIntents(r.params)],
      ["GET", "/v1/payment_intents/:id", (r) => s.retrievePaymentIntent(r.id, r.params, r.auth), true],
      ["POST", "/v1/payment_intents/:id", (r) => s.updatePaymentIntent(r.id, r.params, r.ctx)],
      ["POST", "/v1/payment_intents/:id/confirm", (r) => s.confirmPaymentIntent(r.id, r.params, r.ctx, r.auth), true],
      ["POST", "/v1/payment_intents/:id/capture", (r) => s.capturePaymentIntent(r.id, r.params, r.ctx)],
      ["POST", "/v1/payment_intents/:id/cancel", (r) => s.cancelPaymentIntent(r.id, r.params, r.ctx)],
      ["GET", "/v1/charges", (r) => s.listCharges(r.params)],
      ["GET", "/v1/charges/:id", (r) => retrieveOnly(r, () => s.get("charge", r.id))],
      ["POST", "/v1/refunds", (r) => s.createRefund(r.params, r.ctx)],
      ["GET", "/v1/refunds", (r) => s.listRefunds(r.params)],
      ["GET", "/v1/refunds/:id", (r) => retrieveOnly(r, () => s.get("refund", r.id))],
      ["POST", "/v1/refunds/:id", (r) => s.updateRefund(r.id, r.params, r.ctx)],
      ["POST", "/v1/customers", (r) => s.createCustomer(r.params, r.ctx)],
      ["GET", "/v1/customers", (r) => {
        const email = P.string(r.params, "email")
        return s.list("customer", r.params, { allowed: ["email"], filter: (c) => !email || c.email === email })
      }],
      ["GET", "/v1/customers/:id", (r) => retrieveOnly(r, () => s.retrieveCustomer(r.id))],
      ["POST", "/v1/customers/:id", (r) => s.updateCustomer(r.id, r.params, r.ctx)],
      ["DELETE", "/v1/customers/:id", (r) => s.deleteCustomer(r.id, r.ctx)],
      ["GET", "/v1/customers/:id/payment_methods", (r) => s.listPaymentMethods(r.params, r.id)],
      ["POST", "/v1/payment_methods", (r) => s.createPaymentMethod(r.params, r.ctx), true],
      ["GET", "/v1/payment_methods", (r) => s.listPaymentMethods(r.params)],
      ["GET", "/v1/payment_methods/:id", (r) => retrieveOnly(r, () => s.retrievePaymentMethod(r.id))],
      ["POST", "/v1/payment_methods/:id/attach", (r) => s.attachPaymentMethod(r.id, r.params, r.ctx)],
      ["POST", "/v1/payment_methods/:id/detach", (r) => s.detachPaymentMethod(r.id, r.ctx)],
      ["POST", "/v1/setup_intents", (r) => s.createSetupIntent(r.params, r.ctx)],
      ["GET", "/v1/setup_intents/:id", (r) => {
        const si = s.get("setup_intent", r.id)
        if (r.auth.mode === "publishable") s.checkClientSecret(si, r.params)
        return si
      }, true],
      ["POST", "/v1/setup_intents/:id/confirm", (r) => s.confirmSetupIntent(r.id, r.params, r.ctx, r.auth), true],
      ["POST", "/v1/setup_intents/:id/cancel", (r) => s.cancelSetupIntent(r.id, r.params, r.ctx)],
      ["GET", "/v1/balance_transactions", (r) => s.listBalanceTransactions(r.params)],
      ["GET", "/v1/balance_transactions/:id", (r) => retrieveOnly(r, () => s.withBalanceStatus(s.get("balance_transaction", r.id)))],
      ["GET", "/v1/balance", () => this.balance()],
      ["GET", "/v1/events", (r) => {
        const type = P.string(r.params, "type")
        const types = P.stringList(r.params, "types")
        const match = (t) => (!type || (type.endsWith(".*") ? t.startsWith(type.slice(0, -1)) : t === type)) && (!types || types.includes(t))
        return s.list("event", r.params, { allowed: ["type", "types", "delivery_success"], filter: (e) => match(e.type) })
      }],
      ["GET", "/v1/events/:id", (r) => retrieveOnly(r, () => s.get("event", r.id))],
      ["POST", "/v1/webhook_endpoints", (r) => {
        P.allowOnly(r.params, ["url", "enabled_events", "description", "metadata", "api_version", "connect", "expand"])
        const enabled = P.stringList(r.params, "enabled_events")
        if (!enabled) throw invalidRequest("Missing required param: enabled_events.", { code: "parameter_missing", param: "enabled_events" })
        const ep = this.addWebhookEndpoint({ url: P.string(r.params, "url", { required: true }), enabled_events: enabled, description: r.params.description ?? null, metadata: P.mergeMetadata({}, r.params.metadata) })
        return this.endpointView(ep, true)
      }],
      ["GET", "/v1/webhook_endpoints", () => ({ object: "list", data: this.endpoints.map((e) => this.endpointView(e)), has_more: false, url: "/v1/webhook_endpoints" })],
      ["GET", "/v1/webhook_endpoints/:id", (r) => this.endpointView(this.endpoint(r.id))],
      ["POST", "/v1/webhook_endpoints/:id", (r) => {
        P.allowOnly(r.params, ["url", "enabled_events", "description", "metadata", "disabled", "expand"])
        const ep = this.endpoint(r.id)
        if (r.params.url) ep.url = P.string(r.params, "url")
        if (r.params.enabled_events) ep.enabled_events = P.stringList(r.params, "enabled_events")
        const disabled = P.boolean(r.params, "disabled")
        if (disabled !== undefined) ep.status = disabled ? "disabled" : "enabled"
        ep.metadata = P.mergeMetadata(ep.metadata, r.params.metadata)
        return this.endpointView(ep)
      }],
      ["DELETE", "/v1/webhook_endpoints/:id", (r) => {
        const ep = this.endpoint(r.id)
        this.endpoints = this.endpoints.filter((e) => e !== ep)
        return { id: ep.id, object: "webhook_endpoint", deleted: true }
      }],
    ]
    const parts = path.replace(/\/+$/, "").split("/")
    for (const [m, pattern, handler, publishable = false] of table) {
      if (m !== method) continue
      const pp = pattern.split("/")
      if (pp.length !== parts.length) continue
      let id
      let ok = true
      for (let i = 0; i < pp.length && ok; i++) {
        if (pp[i] === ":id") id = decodeURIComponent(parts[i])
        else ok = pp[i] === parts[i]
      }
      if (ok) return { handler, publishable, id }
    }
    return null
  }

  endpoint(id) {
    const ep = this.endpoints.find((e) => e.id === id)
    if (!ep) throw noSuch("webhook_endpoint", id)
    return ep
  }

  balance() {
    const sums = { available: {}, pending: {} }
    for (const t of this.state.all("balance_transaction")) {
      this.state.withBalanceStatus(t)
      const bucket = sums[t.status]
      bucket[t.currency] = (bucket[t.currency] ?? 0) + t.net
    }
    const rows = (m) => Object.entries(m).map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } }))
    return { object: "balance", available: rows(sums.available), livemode: false, pending: rows(sums.pending) }
  }

  // ——— test control (no key needed; the server listens on loopback) ———

  async handleTestRoute(req, res, url, body) {
    const params = { ...Object.fromEntries(url.searchParams), ...parseBody(req, body) }
    const path = url.pathname
    const ok = (out, status = 200) => this.send(res, status, out)
    try {
      if (req.method === "POST" && path === "/_test/reset") {
        this.reset({ endpoints: params.endpoints === true || params.endpoints === "true" })
        return ok({ reset: true })
      }
      if (req.method === "GET" && path === "/_test/state") {
        return ok({
          ...this.state.snapshot(),
          webhook_endpoints: this.endpoints.map((e) => this.endpointView(e)),
          webhook_deliveries: this.deliveries,
          clock: { now: this.state.now(), offset: this.state.clockOffset },
        })
      }
      if (req.method === "POST" && path === "/_test/webhook_endpoints") {
        return ok(this.endpointView(this.addWebhookEndpoint({ url: params.url, secret: params.secret, enabled_events: params.enabled_events ?? ["*"] }), true))
      }
      const epMatch = /^\/_test\/webhook_endpoints\/([^/]+)$/.exec(path)
      if (req.method === "DELETE" && epMatch) {
        const ep = this.endpoint(epMatch[1])
        this.endpoints = this.endpoints.filter((e) => e !== ep)
        return ok({ id: ep.id, deleted: true })
      }
      if (req.method === "GET" && path === "/_test/webhook_deliveries") return ok({ data: this.deliveries })
      if (req.method === "POST" && path === "/_test/webhooks/flush") return ok({ data: await this.flushWebhooks() })
      if (req.method === "POST" && path === "/_test/events") {
        // raise an arbitrary event through the normal signed delivery
        if (!params.type || !params.object) throw invalidRequest("type and object are required")
        return ok(this.state.emit(params.type, params.object, null))
      }
      if (req.method === "POST" && path === "/_test/clock") {
        if (params.now !== undefined) this.state.clockOffset = Number(params.now) - Math.floor(Date.now() / 1000)
        if (params.advance !== undefined) this.state.clockOffset += Number(params.advance)
        return ok({ now: this.state.now(), offset: this.state.clockOffset })
      }
      const tds = /^\/_test\/3ds\/([^/]+)$/.exec(path)
      if (tds) {
        // the page a 3-D Secure redirect lands on: authenticates (or, with outcome=fail, fails) and returns
        const pi = this.state.get("payment_intent", decodeURIComponent(tds[1]))
        this.state.checkClientSecret(pi, params)
        const succeed = params.outcome !== "fail"
        this.state.authenticate(pi.id, succeed, { requestId: newId("req"), idempotencyKey: null })
        if (params.return_url) {
          const back = new URL(params.return_url)
          back.searchParams.set("payment_intent", pi.id)
          back.searchParams.set("payment_intent_client_secret", pi.client_secret)
          back.searchParams.set("redirect_status", pi.status === "requires_payment_method" ? "failed" : "succeeded")
          res.writeHead(302, { location: back.toString() })
          return res.end()
        }
        return ok({ payment_intent: this.state.clientView(pi) })
      }
      throw invalidRequest(`Unrecognized test route (${req.method}: ${path})`, {}, 404)
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err
      return this.send(res, err.status, { error: err.error })
    }
  }
}

function retrieveOnly(r, get) {
  P.allowOnly(r.params, ["expand"])
  return get()
}

function parseBody(req, body) {
  if (!body) return {}
  if (/json/.test(req.headers["content-type"] || "")) {
    try {
      return JSON.parse(body)
    } catch {
      throw invalidRequest("Invalid JSON body")
    }
  }
  return parseForm(body)
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on("data", (c) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error("body too large"))
        req.destroy()
      } else chunks.push(c)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

function post(target, payload, headers) {
  return new Promise((resolve, reject) => {
    const u = new URL(target)
    const lib = u.protocol === "https:" ? https : http
    const req = lib.request(u, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(payload) }, timeout: 10000 }, (res) => {
      const chunks = []
      res.on("data", (c) => chunks.push(c))
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }))
    })
    req.on("timeout", () => req.destroy(new Error("webhook delivery timed out")))
    req.on("error", reject)
    req.end(payload)
  })
}

/** Creates a server (not yet listening). `await server.listen()` returns its URL. */
function createStripeServer(options) {
  return new StripeTestServer(options)
}

/** Creates and starts a server; resolves once it listens. */
async function startStripeServer(options) {
  const server = new StripeTestServer(options)
  await server.listen()
  return server
}

module.exports = { StripeTestServer, createStripeServer, startStripeServer, DEFAULT_SECRET_KEY, DEFAULT_PUBLISHABLE_KEY }
