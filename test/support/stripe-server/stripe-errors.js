// Stripe's error shape: `{ error: { type, code?, decline_code?, message, param?, doc_url? } }` with
// the HTTP status Stripe uses — 400 bad request, 401 bad key, 402 card errors, 404 unknown object.

class StripeApiError extends Error {
  constructor(status, error) {
    super(error.message)
    this.status = status
    const doc = error.code ? { doc_url: `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, "-")}` } : {}
    this.error = { ...doc, ...error }
  }
}

const invalidRequest = (message, extra = {}, status = 400) =>
  new StripeApiError(status, { type: "invalid_request_error", message, ...extra })

const missingParam = (param) => invalidRequest(`Missing required param: ${param}.`, { code: "parameter_missing", param })

const unknownParam = (param) =>
  invalidRequest(`Received unknown parameter: ${param}`, { code: "parameter_unknown", param })

const noSuch = (type, id, param = "id") =>
  invalidRequest(`No such ${type}: '${id}'`, { code: "resource_missing", param }, 404)

const unexpectedState = (message, extra = {}) =>
  invalidRequest(message, { code: "payment_intent_unexpected_state", ...extra })

const authError = (message) => invalidRequest(message, {}, 401)

const idempotencyError = (message) => new StripeApiError(400, { type: "idempotency_error", message })

module.exports = { StripeApiError, invalidRequest, missingParam, unknownParam, noSuch, unexpectedState, authError, idempotencyError }
