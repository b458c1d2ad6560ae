// The in-memory Stripe account behind the test server: objects, their state machines and the
// events they raise. HTTP, auth and idempotency live in server.js; this file knows nothing of them.
//
// Money: integers in the currency's minor unit (CNY in fen). Fees: `fee = round(amount × feeBps /
// 10000) + feeFixed` on each captured charge (default 0 + 0), nothing on refunds. Funds become
// available `settlementDays` after capture (default 2), at 00:00 UTC.
const { newId, randomChars } = require("./ids")
const { BY_PM, BY_TOKEN, DECLINES, luhnValid, cardForNumber } = require("./test-cards")
const { StripeApiError, invalidRequest, missingParam, noSuch, unexpectedState } = require("./stripe-errors")
const P = require("./params")
const { buildEvent } = require("./webhook-signing")

const PREFIX_TYPES = {
  pi: "payment_intent",
  ch: "charge",
  re: "refund",
  cus: "customer",
  pm: "payment_method",
  txn: "balance_transaction",
  evt: "event",
  seti: "setup_intent",
  we: "webhook_endpoint",
}

const LIST_URLS = {
  payment_intent: "/v1/payment_intents",
  charge: "/v1/charges",
  refund: "/v1/refunds",
  customer: "/v1/customers",
  payment_method: "/v1/payment_methods",
  balance_transaction: "/v1/balance_transactions",
  event: "/v1/events",
  setup_intent: "/v1/setup_intents",
}

const PI_CREATE_PARAMS = [
  "amount", "currency", "application_fee_amount", "automatic_payment_methods", "capture_method", "confirm",
  "confirmation_method", "customer", "description", "error_on_requires_action", "expand", "mandate", "mandate_data",
  "metadata", "off_session", "on_behalf_of", "payment_method", "payment_method_configuration", "payment_method_data",
  "payment_method_options", "payment_method_types", "radar_options", "receipt_email", "return_url",
  "setup_future_usage", "shipping", "statement_descriptor", "statement_descriptor_suffix", "transfer_data",
  "transfer_group", "use_stripe_sdk",
]
const PI_UPDATE_PARAMS = [
  "amount", "currency", "application_fee_amount", "capture_method", "customer", "description", "expand", "metadata",
  "payment_method", "payment_method_configuration", "payment_method_data", "payment_method_options",
  "payment_method_types", "receipt_email", "setup_future_usage", "shipping", "statement_descriptor",
  "statement_descriptor_suffix", "transfer_data", "transfer_group",
]
const PI_CONFIRM_PARAMS = [
  "capture_method", "client_secret", "error_on_requires_action", "expand", "mandate", "mandate_data", "off_session",
  "payment_method", "payment_method_data", "payment_method_options", "payment_method_types", "radar_options",
  "receipt_email", "return_url", "setup_future_usage", "shipping", "use_stripe_sdk",
]
// Fields a publishable key sees on a PaymentIntent (Stripe.js' client-side representation).
const PI_CLIENT_FIELDS = [
  "id", "object", "amount", "amount_details", "automatic_payment_methods", "canceled_at", "cancellation_reason",
  "capture_method", "client_secret", "confirmation_method", "created", "currency", "description",
  "last_payment_error", "livemode", "next_action", "payment_method", "payment_method_configuration_details",
  "payment_method_types", "processing", "receipt_email", "setup_future_usage", "shipping", "source", "status",
]
const SI_CLIENT_FIELDS = [
  "id", "object", "automatic_payment_methods", "cancellation_reason", "client_secret", "created", "description",
  "last_setup_error", "livemode", "next_action", "payment_method", "payment_method_types", "status", "usage",
]
const AMENDABLE = ["requires_payment_method", "requires_confirmation", "requires_action"]
const CUSTOMER_PARAMS = [
  "address", "balance", "cash_balance", "coupon", "description", "email", "expand", "invoice_prefix",
  "invoice_settings", "metadata", "name", "next_invoice_sequence", "payment_method", "phone", "preferred_locales",
  "promotion_code", "shipping", "source", "tax", "tax_exempt", "tax_id_data", "test_clock", "validate",
]
const DAY = 86400

const clone = (o) => (o === undefined ? undefined : JSON.parse(JSON.stringify(o)))
const pick = (o, keys) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]))

class StripeState {
  /**
   * @param {{ feeBps?: number, feeFixed?: number, settlementDays?: number, baseUrl?: () => string, onEvent?: (event: any) => void }} options
   */
  constructor(options = {}) {
    this.feeBps = options.feeBps ?? 0
    this.feeFixed = options.feeFixed ?? 0
    this.settlementDays = options.settlementDays ?? 2
    this.baseUrl = options.baseUrl ?? (() => "")
    this.onEvent = options.onEvent ?? (() => {})
    this.reset()
  }

  reset() {
    this.objects = new Map() // id → object (every type)
    this.order = new Map() // id → creation sequence, for stable newest-first lists
    this.behaviour = new Map() // pm id → test card
    this.seq = 0
    this.clockOffset = 0
  }

  now() {
    return Math.floor(Date.now() / 1000) + this.clockOffset
  }

  // ——— storage ———

  put(obj) {
    if (!this.order.has(obj.id)) this.order.set(obj.id, ++this.seq)
    this.objects.set(obj.id, obj)
    return obj
  }

  find(id) {
    return typeof id === "string" ? this.objects.get(id) : undefined
  }

  get(type, id, param = "id") {
    const obj = this.find(id)
    if (!obj || obj.object !== type) throw noSuch(type, id, param)
    return obj
  }

  all(type) {
    return [...this.objects.values()].filter((o) => o.object === type)
  }

  /** Replaces `a.b` id strings with the objects they name, on a copy. Lists take `data.x`. */
  expand(obj, paths = []) {
    const out = clone(obj)
    const walk = (node, parts) => {
      if (!node || typeof node !== "object" || !parts.length) return
      const [head, ...rest] = parts
      if (Array.isArray(node)) return node.forEach((item) => walk(item, parts))
      let value = node[head]
      if (typeof value === "string" && this.find(value)) value = node[head] = clone(this.find(value))
      if (rest.length) walk(value, rest)
    }
    for (const path of paths) walk(out, String(path).split("."))
    return out
  }

  list(type, params, { filter = () => true, allowed = [] } = {}) {
    P.allowOnly(params, ["limit", "starting_after", "ending_before", "created", "expand", ...allowed])
    const limit = P.integer(params, "limit", { min: 1, max: 100 }) ?? 10
    const created = P.rangeFilter(params, "created")
    let rows = this.all(type)
      .filter((o) => !o.deleted && created(o.created) && filter(o))
      .sort((a, b) => this.order.get(b.id) - this.order.get(a.id))
    const cursor = (name) => {
      const id = P.string(params, name)
      if (!id) return -1
      const at = rows.findIndex((o) => o.id === id)
      if (at < 0) throw invalidRequest(`No such ${type}: '${id}'`, { code: "resource_missing", param: name })
      return at
    }
    const after = cursor("starting_after")
    const before = cursor("ending_before")
    let hasMore
    if (after >= 0) {
      rows = rows.slice(after + 1)
      hasMore = rows.length > limit
      rows = rows.slice(0, limit)
    } else if (before >= 0) {
      const start = Math.max(0, before - limit)
      hasMore = start > 0
      rows = rows.slice(start, before)
    } else {
      hasMore = rows.length > limit
      rows = rows.slice(0, limit)
    }
    const expand = (P.stringList(params, "expand") ?? []).filter((p) => p.startsWith("data.")).map((p) => p.slice(5))
    return { object: "list", data: rows.map((o) => this.expand(o, expand)), has_more: hasMore, url: LIST_URLS[type] }
  }

  // ——— events ———

  emit(type, object, ctx, previousAttributes) {
    const event = buildEvent(type, clone(object), {
      created: this.now(),
      previousAttributes,
      requestId: ctx?.requestId ?? null,
      idempotencyKey: ctx?.idempotencyKey ?? null,
    })
    this.put(event)
    this.onEvent(event)
    return event
  }

  // ——— customers ———

  createCustomer(params, ctx) {
    P.allowOnly(params, CUSTOMER_PARAMS)
    const customer = this.put({
      id: newId("cus"),
      object: "customer",
      address: params.address ?? null,
      balance: 0,
      created: this.now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: P.string(params, "description") ?? null,
      discount: null,
      email: P.string(params, "email") ?? null,
      invoice_prefix: randomChars(8).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: P.mergeMetadata({}, params.metadata),
      name: P.string(params, "name") ?? null,
      next_invoice_sequence: 1,
      phone: P.string(params, "phone") ?? null,
      preferred_locales: P.stringList(params, "preferred_locales") ?? [],
      shipping: params.shipping ?? null,
      tax_exempt: "none",
      test_clock: null,
    })
    if (params.payment_method) this.attachPaymentMethod(params.payment_method, { customer: customer.id }, ctx)
    this.emit("customer.created", customer, ctx)
    return customer
  }

  liveCustomer(id, param = "id") {
    const c = this.get("customer", id, param)
    if (c.deleted) throw noSuch("customer", id, param)
    return c
  }

  retrieveCustomer(id) {
    const c = this.get("customer", id)
    return c.deleted ? { id: c.id, object: "customer", deleted: true } : c
  }

  updateCustomer(id, params, ctx) {
    P.allowOnly(params, CUSTOMER_PARAMS.filter((k) => k !== "payment_method"))
    const c = this.liveCustomer(id)
    const before = clone(c)
    for (const k of ["description", "email", "name", "phone"]) if (params[k] !== undefined) c[k] = params[k] === "" ? null : P.string(params, k)
    for (const k of ["address", "shipping", "invoice_settings"]) if (params[k] !== undefined) c[k] = params[k] === "" ? null : { ...(c[k] ?? {}), ...params[k] }
    c.metadata = P.mergeMetadata(c.metadata, params.metadata)
    this.emit("customer.updated", c, ctx, diff(before, c))
    return c
  }

  deleteCustomer(id, ctx) {
    const c = this.liveCustomer(id)
    c.deleted = true
    for (const pm of this.all("payment_method")) if (pm.customer === c.id) pm.customer = null
    this.emit("customer.deleted", c, ctx)
    return { id: c.id, object: "customer", deleted: true }
  }

  // ——— payment methods ———

  /** A test card from `pm_card_visa`, `tok_visa`, or `card[number]`/`card[token]` data. */
  createPaymentMethod(params, ctx, { fromIntent = false } = {}) {
    if (!fromIntent) P.allowOnly(params, ["type", "card", "billing_details", "metadata", "expand", "customer", "payment_method"])
    const type = P.string(params, "type", { required: true })
    if (type !== "card") throw invalidRequest(`The payment method type "${type}" is not supported by this test server; use "card".`, { param: "type" })
    const card = params.card
    if (!card || typeof card !== "object") throw missingParam("card")
    let test
    let exp = { exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 }
    if (card.token) {
      test = BY_TOKEN.get(card.token)
      if (!test) throw invalidRequest(`No such token: '${card.token}'`, { code: "resource_missing", param: "card[token]" })
    } else {
      const number = String(card.number ?? "").replace(/[\s-]/g, "")
      if (!number) throw missingParam("card[number]")
      if (!luhnValid(number)) throw cardError("incorrect_number", "Your card number is incorrect.", "card[number]")
      const month = P.integer(card, "exp_month", { required: true })
      const year = P.integer(card, "exp_year", { required: true })
      const fullYear = year < 100 ? 2000 + year : year
      if (month < 1 || month > 12) throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "card[exp_month]")
      const nowDate = new Date()
      if (fullYear < nowDate.getUTCFullYear() || (fullYear === nowDate.getUTCFullYear() && month < nowDate.getUTCMonth() + 1)) {
        throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "card[exp_year]")
      }
      if (card.cvc !== undefined && !/^\d{3,4}$/.test(String(card.cvc))) throw cardError("invalid_cvc", "Your card's security code is invalid.", "card[cvc]")
      test = cardForNumber(number)
      exp = { exp_month: month, exp_year: fullYear }
    }
    const pm = this.materialize(test, { billing_details: params.billing_details, metadata: params.metadata, ...exp })
    this.emit("payment_method.created", pm, ctx)
    return pm
  }

  materialize(test, { billing_details, metadata, exp_month, exp_year } = {}) {
    const bd = billing_details && typeof billing_details === "object" ? billing_details : {}
    const pm = this.put({
      id: newId("pm"),
      object: "payment_method",
      allow_redisplay: "unspecified",
      billing_details: {
        address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null, ...(bd.address ?? {}) },
        email: bd.email ?? null,
        name: bd.name ?? null,
        phone: bd.phone ?? null,
      },
      card: {
        brand: test.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
        country: test.country,
        display_brand: test.brand,
        exp_month: exp_month ?? 12,
        exp_year: exp_year ?? new Date().getUTCFullYear() + 3,
        fingerprint: randomChars(16),
        funding: test.funding,
        generated_from: null,
        last4: test.number.slice(-4),
        networks: { available: [test.brand], preferred: null },
        three_d_secure_usage: { supported: true },
        wallet: null,
      },
      created: this.now(),
      customer: null,
      livemode: false,
      metadata: P.mergeMetadata({}, metadata),
      type: "card",
    })
    this.behaviour.set(pm.id, test)
    return pm
  }

  /** An existing payment method, or a fresh one for a `pm_card_…` / `tok_…` test id. */
  resolvePaymentMethod(ref, param = "payment_method") {
    if (typeof ref !== "string" || !ref) throw invalidRequest("Invalid string", { param })
    const existing = this.find(ref)
    if (existing?.object === "payment_method") return existing
    const test = BY_PM.get(ref) ?? BY_TOKEN.get(ref)
    if (test) return this.materialize(test)
    throw invalidRequest(`No such PaymentMethod: '${ref}'`, { code: "resource_missing", param })
  }

  retrievePaymentMethod(id) {
    const existing = this.find(id)
    if (existing?.object === "payment_method") return existing
    const test = BY_PM.get(id)
    if (test) return { ...this.materialize(test), id } // a fixed view of Stripe's shared test method
    throw noSuch("payment_method", id)
  }

  attachPaymentMethod(id, params, ctx) {
    P.allowOnly(params, ["customer", "expand"])
    const customer = this.liveCustomer(P.string(params, "customer", { required: true }), "customer")
    const pm = this.resolvePaymentMethod(id, "payment_method")
    if (pm.customer && pm.customer !== customer.id) {
      throw invalidRequest("The payment method you provided has already been attached to a customer.", { code: "payment_method_unexpected_state" })
    }
    pm.customer = customer.id
    this.emit("payment_method.attached", pm, ctx)
    return pm
  }

  detachPaymentMethod(id, ctx) {
    const pm = this.get("payment_method", id)
    if (!pm.customer) throw invalidRequest("The payment method you provided is not attached to a customer so detachment is impossible.", { code: "payment_method_unexpected_state" })
    pm.customer = null
    this.emit("payment_method.detached", pm, ctx)
    return pm
  }

  listPaymentMethods(params, customerId) {
    const customer = customerId ?? P.string(params, "customer")
    if (customerId) this.liveCustomer(customerId)
    const type = P.string(params, "type")
    return this.list("payment_method", params, {
      allowed: ["customer", "type"],
      filter: (pm) => (!customer || pm.customer === customer) && (!type || pm.type === type) && (!!customer || !!pm.customer),
    })
  }

  // ——— payment intents ———

  createPaymentIntent(params, ctx) {
    P.allowOnly(params, PI_CREATE_PARAMS)
    const amount = this.amount(params, "amount", true)
    const currency = this.currency(params)
    const customer = params.customer ? this.liveCustomer(P.string(params, "customer"), "customer").id : null
    const captureMethod = P.string(params, "capture_method", { oneOf: ["automatic", "automatic_async", "manual"] }) || "automatic"
    const automatic = params.automatic_payment_methods
    const types = P.stringList(params, "payment_method_types") ?? ["card"]
    const unsupported = types.find((t) => t !== "card")
    if (unsupported) throw invalidRequest(`The payment method type "${unsupported}" is invalid. This test server supports "card".`, { param: "payment_method_types" })
    const id = newId("pi")
    const pi = this.put({
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: automatic && typeof automatic === "object" ? { allow_redirects: "always", ...automatic, enabled: automatic.enabled === "true" } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: captureMethod,
      client_secret: `${id}_secret_${randomChars(25)}`,
      confirmation_method: P.string(params, "confirmation_method", { oneOf: ["automatic", "manual"] }) || "automatic",
      created: this.now(),
      currency,
      customer,
      description: P.string(params, "description") || null,
      invoice: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: P.mergeMetadata({}, params.metadata),
      next_action: null,
      on_behalf_of: null,
      payment_method: null,
      payment_method_configuration_details: null,
      payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
      payment_method_types: types,
      processing: null,
      receipt_email: P.string(params, "receipt_email") || null,
      review: null,
      setup_future_usage: P.string(params, "setup_future_usage", { oneOf: ["on_session", "off_session"] }) || null,
      shipping: params.shipping ?? null,
      source: null,
      statement_descriptor: P.string(params, "statement_descriptor") || null,
      statement_descriptor_suffix: P.string(params, "statement_descriptor_suffix") || null,
      status: "requires_payment_method",
      transfer_data: null,
      transfer_group: null,
    })
    this.setPaymentMethodFrom(pi, params)
    this.emit("payment_intent.created", pi, ctx)
    if (P.boolean(params, "confirm")) this.runConfirmation(pi, params, ctx)
    return pi
  }

  setPaymentMethodFrom(pi, params) {
    let pm
    if (params.payment_method) pm = this.resolvePaymentMethod(params.payment_method)
    else if (params.payment_method_data) pm = this.createPaymentMethod(params.payment_method_data, null, { fromIntent: true })
    if (!pm) return
    pi.payment_method = pm.id
    if (pi.status === "requires_payment_method") pi.status = "requires_confirmation"
  }

  retrievePaymentIntent(id, params, auth) {
    if (auth.mode === "secret") P.allowOnly(params, ["client_secret", "expand"])
    const pi = this.get("payment_intent", id)
    if (auth.mode === "publishable") this.checkClientSecret(pi, params)
    return pi
  }

  checkClientSecret(intent, params) {
    const secret = P.string(params, "client_secret", { required: true })
    if (secret !== intent.client_secret) {
      throw invalidRequest(`The client_secret provided does not match the client_secret associated with the ${intent.object === "setup_intent" ? "SetupIntent" : "PaymentIntent"}.`, { param: "client_secret" })
    }
  }

  /** What a publishable key may see of an intent. */
  clientView(intent) {
    return pick(intent, intent.object === "setup_intent" ? SI_CLIENT_FIELDS : PI_CLIENT_FIELDS)
  }

  updatePaymentIntent(id, params, ctx) {
    P.allowOnly(params, PI_UPDATE_PARAMS)
    const pi = this.get("payment_intent", id)
    const before = clone(pi)
    const changesMoney = ["amount", "currency", "payment_method", "payment_method_data", "payment_method_types", "capture_method", "customer", "setup_future_usage"].some((k) => params[k] !== undefined)
    if (changesMoney && !AMENDABLE.includes(pi.status)) {
      const what = params.amount !== undefined ? "amount" : Object.keys(params).find((k) => k !== "expand" && k !== "metadata")
      throw unexpectedState(
        `This PaymentIntent's ${what} could not be updated because it has a status of ${pi.status}. You may only update the ${what} of a PaymentIntent with one of the following statuses: ${AMENDABLE.join(", ")}.`,
        { param: what, payment_intent: clone(pi) }
      )
    }
    if (params.amount !== undefined) pi.amount = this.amount(params, "amount", true)
    if (params.currency !== undefined) pi.currency = this.currency(params)
    if (params.customer !== undefined) pi.customer = params.customer === "" ? null : this.liveCustomer(P.string(params, "customer"), "customer").id
    if (params.capture_method !== undefined) pi.capture_method = P.string(params, "capture_method", { oneOf: ["automatic", "automatic_async", "manual"] })
    for (const k of ["description", "receipt_email", "statement_descriptor", "statement_descriptor_suffix"]) {
      if (params[k] !== undefined) pi[k] = P.string(params, k) || null
    }
    if (params.setup_future_usage !== undefined) pi.setup_future_usage = P.string(params, "setup_future_usage", { oneOf: ["on_session", "off_session"] }) || null
    if (params.shipping !== undefined) pi.shipping = params.shipping === "" ? null : params.shipping
    if (params.payment_method_types !== undefined) pi.payment_method_types = P.stringList(params, "payment_method_types")
    pi.metadata = P.mergeMetadata(pi.metadata, params.metadata)
    this.setPaymentMethodFrom(pi, params)
    this.emit("payment_intent.updated", pi, ctx, diff(before, pi))
    return pi
  }

  confirmPaymentIntent(id, params, ctx, auth) {
    // Stripe.js sends bookkeeping fields (payment_user_agent, time_on_page, …) with a publishable key
    if (auth.mode === "secret") P.allowOnly(params, PI_CONFIRM_PARAMS)
    const pi = this.get("payment_intent", id)
    if (auth.mode === "publishable") this.checkClientSecret(pi, params)
    if (!AMENDABLE.includes(pi.status)) {
      throw unexpectedState(
        `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${AMENDABLE.join(", ")}.`,
        { payment_intent: auth.mode === "publishable" ? this.clientView(pi) : clone(pi) }
      )
    }
    if (params.capture_method) pi.capture_method = P.string(params, "capture_method", { oneOf: ["automatic", "automatic_async", "manual"] })
    if (params.receipt_email !== undefined) pi.receipt_email = P.string(params, "receipt_email") || null
    if (params.setup_future_usage !== undefined) pi.setup_future_usage = P.string(params, "setup_future_usage") || null
    this.setPaymentMethodFrom(pi, params)
    try {
      this.runConfirmation(pi, params, ctx)
    } catch (err) {
      if (err instanceof StripeApiError && err.error.payment_intent && auth.mode === "publishable") err.error.payment_intent = this.clientView(pi)
      throw err
    }
    return pi
  }

  runConfirmation(pi, params, ctx) {
    if (!pi.payment_method) {
      throw unexpectedState(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
        { param: "payment_method", payment_intent: clone(pi) }
      )
    }
    const returnUrl = P.string(params, "return_url")
    const pm = this.get("payment_method", pi.payment_method, "payment_method")
    const card = this.behaviour.get(pm.id) ?? { behaviour: "succeed" }
    if (pi.setup_future_usage && pi.customer && !pm.customer) {
      pm.customer = pi.customer
      this.emit("payment_method.attached", pm, ctx)
    }
    if (card.behaviour === "authenticate") {
      if (P.boolean(params, "off_session")) {
        return this.decline(pi, pm, { code: "authentication_required", decline_code: "authentication_required", message: "Your card was declined. This transaction requires authentication." }, ctx)
      }
      pi.status = "requires_action"
      const url = `${this.baseUrl()}/_test/3ds/${pi.id}?client_secret=${encodeURIComponent(pi.client_secret)}${returnUrl ? `&return_url=${encodeURIComponent(returnUrl)}` : ""}`
      pi.next_action = { type: "redirect_to_url", redirect_to_url: { return_url: returnUrl ?? null, url } }
      this.emit("payment_intent.requires_action", pi, ctx)
      return pi
    }
    if (DECLINES[card.behaviour]) return this.decline(pi, pm, DECLINES[card.behaviour], ctx)
    return this.authorize(pi, pm, ctx)
  }

  /** Completes or fails the 3-D Secure step of a `requires_action` intent (test control). */
  authenticate(id, succeed, ctx) {
    const pi = this.get("payment_intent", id)
    if (pi.status !== "requires_action") throw unexpectedState(`PaymentIntent ${id} has a status of ${pi.status}, not requires_action.`)
    pi.next_action = null
    const pm = this.get("payment_method", pi.payment_method)
    if (succeed) return this.authorize(pi, pm, ctx)
    pi.status = "requires_payment_method"
    pi.payment_method = null
    pi.last_payment_error = {
      code: "payment_intent_authentication_failure",
      doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
      message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
      payment_method: clone(pm),
      type: "invalid_request_error",
    }
    this.emit("payment_intent.payment_failed", pi, ctx)
    return pi
  }

  newCharge(pi, pm, fields) {
    return this.put({
      id: newId("ch"),
      object: "charge",
      amount: pi.amount,
      amount_captured: 0,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: null,
      billing_details: clone(pm.billing_details),
      calculated_statement_descriptor: "PALMLIFE",
      captured: false,
      created: this.now(),
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      fraud_details: {},
      livemode: false,
      metadata: clone(pi.metadata),
      outcome: null,
      paid: false,
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: { card: { ...pick(pm.card, ["brand", "checks", "country", "exp_month", "exp_year", "fingerprint", "funding", "last4", "network"]), network: pm.card.brand }, type: "card" },
      receipt_email: pi.receipt_email,
      receipt_url: null,
      refunded: false,
      status: "pending",
      ...fields,
    })
  }

  decline(pi, pm, decline, ctx) {
    const charge = this.newCharge(pi, pm, {
      failure_code: decline.code,
      failure_message: decline.message,
      outcome: { network_status: "declined_by_network", reason: decline.decline_code, risk_level: "normal", seller_message: "The bank did not return any further details with this decline.", type: "issuer_declined" },
      status: "failed",
    })
    pi.latest_charge = charge.id
    pi.status = "requires_payment_method"
    pi.payment_method = null
    pi.next_action = null
    const error = { charge: charge.id, code: decline.code, decline_code: decline.decline_code, message: decline.message, payment_method: clone(pm), type: "card_error" }
    pi.last_payment_error = { ...error, doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, "-")}` }
    this.emit("charge.failed", charge, ctx)
    this.emit("payment_intent.payment_failed", pi, ctx)
    throw new StripeApiError(402, { ...error, payment_intent: clone(pi) })
  }

  authorize(pi, pm, ctx) {
    const charge = this.newCharge(pi, pm, {
      outcome: { network_status: "approved_by_network", reason: null, risk_level: "normal", risk_score: 20, seller_message: "Payment complete.", type: "authorized" },
      paid: true,
      status: "succeeded",
    })
    pi.latest_charge = charge.id
    pi.last_payment_error = null
    pi.next_action = null
    if (pi.capture_method === "manual") {
      pi.status = "requires_capture"
      pi.amount_capturable = pi.amount
      this.emit("charge.succeeded", charge, ctx)
      this.emit("payment_intent.amount_capturable_updated", pi, ctx)
    } else {
      this.captureCharge(pi, charge, pi.amount)
      this.emit("charge.succeeded", charge, ctx)
      this.emit("payment_intent.succeeded", pi, ctx)
    }
    return pi
  }

  captureCharge(pi, charge, amount) {
    const txn = this.balanceTransaction({ amount, currency: charge.currency, source: charge.id, type: "charge", reporting_category: "charge", description: charge.description })
    Object.assign(charge, { captured: true, amount_captured: amount, balance_transaction: txn.id })
    Object.assign(pi, { status: "succeeded", amount_received: amount, amount_capturable: 0 })
  }

  capturePaymentIntent(id, params, ctx) {
    P.allowOnly(params, ["amount_to_capture", "application_fee_amount", "expand", "final_capture", "metadata", "statement_descriptor", "statement_descriptor_suffix", "transfer_data"])
    const pi = this.get("payment_intent", id)
    if (pi.status !== "requires_capture") {
      throw unexpectedState(
        `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        { payment_intent: clone(pi) }
      )
    }
    const amount = P.integer(params, "amount_to_capture", { min: 1 }) ?? pi.amount_capturable
    if (amount > pi.amount_capturable) {
      throw invalidRequest(`The amount to capture (${amount}) is greater than the amount capturable (${pi.amount_capturable}) on this PaymentIntent.`, { code: "amount_too_large", param: "amount_to_capture" })
    }
    pi.metadata = P.mergeMetadata(pi.metadata, params.metadata)
    const charge = this.get("charge", pi.latest_charge)
    this.captureCharge(pi, charge, amount)
    this.emit("charge.captured", charge, ctx)
    this.emit("payment_intent.succeeded", pi, ctx)
    return pi
  }

  cancelPaymentIntent(id, params, ctx) {
    P.allowOnly(params, ["cancellation_reason", "expand"])
    const pi = this.get("payment_intent", id)
    if (!["requires_payment_method", "requires_confirmation", "requires_action", "requires_capture"].includes(pi.status)) {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
        { payment_intent: clone(pi) }
      )
    }
    if (pi.status === "requires_capture") {
      // the uncaptured authorization is released: no money moved, no balance transaction
      const charge = this.get("charge", pi.latest_charge)
      Object.assign(charge, { refunded: true, amount_refunded: charge.amount })
    }
    Object.assign(pi, {
      status: "canceled",
      canceled_at: this.now(),
      cancellation_reason: P.string(params, "cancellation_reason", { oneOf: ["duplicate", "fraudulent", "requested_by_customer", "abandoned"] }) || null,
      amount_capturable: 0,
      next_action: null,
    })
    this.emit("payment_intent.canceled", pi, ctx)
    return pi
  }

  listPaymentIntents(params) {
    const customer = P.string(params, "customer")
    return this.list("payment_intent", params, { allowed: ["customer"], filter: (o) => !customer || o.customer === customer })
  }

  // ——— charges ———

  listCharges(params) {
    const customer = P.string(params, "customer")
    const pi = P.string(params, "payment_intent")
    return this.list("charge", params, {
      allowed: ["customer", "payment_intent", "transfer_group"],
      filter: (o) => (!customer || o.customer === customer) && (!pi || o.payment_intent === pi),
    })
  }

  // ——— refunds ———

  createRefund(params, ctx) {
    P.allowOnly(params, ["amount", "charge", "payment_intent", "reason", "metadata", "expand", "instructions_email", "origin", "refund_application_fee", "reverse_transfer", "customer"])
    let charge
    if (params.charge) {
      charge = this.get("charge", P.string(params, "charge"), "charge")
    } else if (params.payment_intent) {
      const pi = this.get("payment_intent", P.string(params, "payment_intent"), "payment_intent")
      charge = pi.status === "succeeded" ? this.find(pi.latest_charge) : undefined
      if (!charge) {
        throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, { code: "charge_not_refundable", param: "payment_intent" })
      }
    } else {
      throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.", { code: "parameter_missing" })
    }
    if (!charge.captured || charge.status !== "succeeded") {
      throw invalidRequest(`Charge ${charge.id} has not been captured and cannot be refunded; cancel its PaymentIntent to release it.`, { code: "charge_not_refundable", param: "charge" })
    }
    const remaining = charge.amount_captured - charge.amount_refunded
    if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded", charge: charge.id })
    const amount = this.amount(params, "amount", false) ?? remaining
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${formatMoney(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMoney(remaining, charge.currency)})`,
        { code: "amount_too_large", param: "amount" }
      )
    }
    const refund = this.put({
      id: newId("re"),
      object: "refund",
      amount,
      balance_transaction: null,
      charge: charge.id,
      created: this.now(),
      currency: charge.currency,
      destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
      metadata: P.mergeMetadata({}, params.metadata),
      payment_intent: charge.payment_intent,
      reason: P.string(params, "reason", { oneOf: ["duplicate", "fraudulent", "requested_by_customer"] }) || null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: "succeeded",
      transfer_reversal: null,
    })
    const txn = this.balanceTransaction({ amount: -amount, currency: charge.currency, source: refund.id, type: "refund", reporting_category: "refund", description: `REFUND FOR CHARGE (${charge.description ?? charge.id})`, noFee: true })
    refund.balance_transaction = txn.id
    const before = { amount_refunded: charge.amount_refunded, refunded: charge.refunded }
    charge.amount_refunded += amount
    charge.refunded = charge.amount_refunded === charge.amount_captured
    this.emit("refund.created", refund, ctx)
    this.emit("charge.refunded", charge, ctx, before)
    return refund
  }

  updateRefund(id, params, ctx) {
    P.allowOnly(params, ["metadata", "expand"])
    const refund = this.get("refund", id)
    refund.metadata = P.mergeMetadata(refund.metadata, params.metadata)
    this.emit("refund.updated", refund, ctx)
    return refund
  }

  listRefunds(params) {
    const charge = P.string(params, "charge")
    const pi = P.string(params, "payment_intent")
    return this.list("refund", params, {
      allowed: ["charge", "payment_intent"],
      filter: (o) => (!charge || o.charge === charge) && (!pi || o.payment_intent === pi),
    })
  }

  // ——— balance transactions ———

  balanceTransaction({ amount, currency, source, type, reporting_category, description, noFee = false }) {
    const fee = noFee ? 0 : Math.round((amount * this.feeBps) / 10000) + this.feeFixed
    const created = this.now()
    return this.put({
      id: newId("txn"),
      object: "balance_transaction",
      amount,
      available_on: Math.floor(created / DAY) * DAY + this.settlementDays * DAY,
      created,
      currency,
      description: description ?? null,
      exchange_rate: null,
      fee,
      fee_details: fee ? [{ amount: fee, application: null, currency, description: "Stripe processing fees", type: "stripe_fee" }] : [],
      net: amount - fee,
      reporting_category,
      source,
      status: "pending",
      type,
    })
  }

  /** `status` follows the clock: pending until `available_on`. */
  withBalanceStatus(txn) {
    txn.status = this.now() >= txn.available_on ? "available" : "pending"
    return txn
  }

  listBalanceTransactions(params) {
    const type = P.string(params, "type")
    const source = P.string(params, "source")
    const currency = P.string(params, "currency")
    const availableOn = P.rangeFilter(params, "available_on")
    for (const t of this.all("balance_transaction")) this.withBalanceStatus(t)
    return this.list("balance_transaction", params, {
      allowed: ["type", "source", "currency", "available_on", "payout"],
      filter: (o) => (!type || o.type === type) && (!source || o.source === source) && (!currency || o.currency === currency) && availableOn(o.available_on),
    })
  }

  // ——— setup intents (saving a card to a customer) ———

  createSetupIntent(params, ctx) {
    P.allowOnly(params, ["attach_to_self", "automatic_payment_methods", "confirm", "customer", "description", "expand", "flow_directions", "mandate_data", "metadata", "on_behalf_of", "payment_method", "payment_method_configuration", "payment_method_data", "payment_method_options", "payment_method_types", "return_url", "single_use", "usage", "use_stripe_sdk"])
    const customer = params.customer ? this.liveCustomer(P.string(params, "customer"), "customer").id : null
    const id = newId("seti")
    const si = this.put({
      id,
      object: "setup_intent",
      application: null,
      automatic_payment_methods: null,
      cancellation_reason: null,
      client_secret: `${id}_secret_${randomChars(25)}`,
      created: this.now(),
      customer,
      description: P.string(params, "description") || null,
      last_setup_error: null,
      latest_attempt: null,
      livemode: false,
      mandate: null,
      metadata: P.mergeMetadata({}, params.metadata),
      next_action: null,
      on_behalf_of: null,
      payment_method: null,
      payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
      payment_method_types: P.stringList(params, "payment_method_types") ?? ["card"],
      single_use_mandate: null,
      status: "requires_payment_method",
      usage: P.string(params, "usage", { oneOf: ["on_session", "off_session"] }) || "off_session",
    })
    this.setSetupPaymentMethod(si, params)
    this.emit("setup_intent.created", si, ctx)
    if (P.boolean(params, "confirm")) this.runSetup(si, ctx)
    return si
  }

  setSetupPaymentMethod(si, params) {
    let pm
    if (params.payment_method) pm = this.resolvePaymentMethod(params.payment_method)
    else if (params.payment_method_data) pm = this.createPaymentMethod(params.payment_method_data, null, { fromIntent: true })
    if (!pm) return
    si.payment_method = pm.id
    si.status = "requires_confirmation"
  }

  confirmSetupIntent(id, params, ctx, auth) {
    const si = this.get("setup_intent", id)
    if (auth.mode === "publishable") this.checkClientSecret(si, params)
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(si.status)) {
      throw invalidRequest(`You cannot confirm this SetupIntent because it has a status of ${si.status}.`, { code: "setup_intent_unexpected_state" })
    }
    this.setSetupPaymentMethod(si, params)
    return this.runSetup(si, ctx)
  }

  runSetup(si, ctx) {
    if (!si.payment_method) throw invalidRequest("You cannot confirm this SetupIntent because it's missing a payment method.", { code: "setup_intent_unexpected_state", param: "payment_method" })
    const pm = this.get("payment_method", si.payment_method)
    const card = this.behaviour.get(pm.id) ?? { behaviour: "succeed" }
    const decline = DECLINES[card.behaviour]
    if (decline) {
      si.status = "requires_payment_method"
      si.payment_method = null
      si.last_setup_error = { code: decline.code, decline_code: decline.decline_code, message: decline.message, type: "card_error", payment_method: clone(pm) }
      this.emit("setup_intent.setup_failed", si, ctx)
      throw new StripeApiError(402, { ...si.last_setup_error, setup_intent: clone(si) })
    }
    si.status = "succeeded"
    if (si.customer && !pm.customer) {
      pm.customer = si.customer
      this.emit("payment_method.attached", pm, ctx)
    }
    this.emit("setup_intent.succeeded", si, ctx)
    return si
  }

  cancelSetupIntent(id, params, ctx) {
    const si = this.get("setup_intent", id)
    if (si.status === "succeeded" || si.status === "canceled") throw invalidRequest(`You cannot cancel this SetupIntent because it has a status of ${si.status}.`, { code: "setup_intent_unexpected_state" })
    si.status = "canceled"
    si.cancellation_reason = P.string(params, "cancellation_reason") || null
    this.emit("setup_intent.canceled", si, ctx)
    return si
  }

  // ——— shared validation ———

  amount(params, name, required) {
    const n = P.integer(params, name, { required })
    if (n === undefined) return undefined
    if (n < 1) throw invalidRequest("This value must be greater than or equal to 1.", { code: "amount_too_small", param: name })
    if (n > 99999999) throw invalidRequest("Amount must be no more than 99999999.", { code: "amount_too_large", param: name })
    return n
  }

  currency(params) {
    const raw = P.string(params, "currency", { required: true })
    const c = raw.toLowerCase()
    if (!/^[a-z]{3}$/.test(c)) throw invalidRequest(`Invalid currency: ${raw}. Stripe currently supports these currencies: usd, cny, eur, …`, { param: "currency" })
    return c
  }

  snapshot() {
    const byType = {}
    for (const o of [...this.objects.values()].sort((a, b) => this.order.get(a.id) - this.order.get(b.id))) {
      const key = `${o.object}s`
      if (o.object === "balance_transaction") this.withBalanceStatus(o)
      ;(byType[key] ??= []).push(clone(o))
    }
    return byType
  }
}

function cardError(code, message, param) {
  return new StripeApiError(402, { type: "card_error", code, message, param })
}

function diff(before, after) {
  const out = {}
  for (const k of Object.keys(after)) if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = before[k] ?? null
  return out
}

const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
const SYMBOLS = { cny: "¥", usd: "$", eur: "€", jpy: "¥", gbp: "£" }

function formatMoney(minor, currency) {
  const major = ZERO_DECIMAL.has(currency) ? String(minor) : (minor / 100).toFixed(2)
  return `${SYMBOLS[currency] ?? ""}${major}${SYMBOLS[currency] ? "" : ` ${currency.toUpperCase()}`}`
}

module.exports = { StripeState, PREFIX_TYPES, formatMoney }
