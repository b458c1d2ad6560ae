// Card payments the way Stripe.js does them, for a Stripe-API-compatible host: the browser confirms
// the PaymentIntent the backend created (publishable key + client_secret), then the cart completes
// and the backend authorizes the confirmed intent. Stripe.js cannot load here, so card numbers are
// not tokenised in the browser: only Stripe's documented test cards are accepted, each mapped to
// its test PaymentMethod.

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
export const SYSTEM_PROVIDER_ID = "pp_system_default"

const TEST_CARDS: Record<string, string> = {
  "4242424242424242": "pm_card_visa",
  "5555555555554444": "pm_card_mastercard",
  "6200000000000005": "pm_card_unionpay",
  "4000000000000002": "pm_card_chargeDeclined",
  "4000000000009995": "pm_card_chargeDeclinedInsufficientFunds",
}

export function normaliseCardNumber(value: string): string {
  return value.replace(/[\s-]/g, "")
}

/** The test PaymentMethod for a test card number, or null. */
export function testPaymentMethod(cardNumber: string): string | null {
  return TEST_CARDS[normaliseCardNumber(cardNumber)] ?? null
}

/** "12/34" or "1234" → valid and not in the past. */
export function validExpiry(value: string, now = new Date()): boolean {
  const m = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(value)
  if (!m) return false
  const month = Number(m[1])
  const year = 2000 + Number(m[2])
  if (month < 1 || month > 12) return false
  return year > now.getFullYear() || (year === now.getFullYear() && month >= now.getMonth() + 1)
}

export function validCvc(value: string): boolean {
  return /^\d{3,4}$/.test(value.trim())
}

/** "4242424242424242" → "4242 4242 4242 4242" while typing. */
export function groupCardNumber(value: string): string {
  return normaliseCardNumber(value)
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ")
}

export type CardConfirmation =
  | { ok: true; status: string }
  | { ok: false; message: string; code?: string; declineCode?: string }

/** POST /v1/payment_intents/:id/confirm with the publishable key, as Stripe.js' confirmCardPayment does. */
export async function confirmCardPayment(input: {
  apiBase: string
  publishableKey: string
  paymentIntentId: string
  clientSecret: string
  paymentMethod: string
}): Promise<CardConfirmation> {
  const body = new URLSearchParams({ payment_method: input.paymentMethod, client_secret: input.clientSecret })
  let res: Response
  try {
    res = await fetch(`${input.apiBase.replace(/\/+$/, "")}/v1/payment_intents/${encodeURIComponent(input.paymentIntentId)}/confirm`, {
      method: "POST",
      headers: { authorization: `Bearer ${input.publishableKey}`, "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    })
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), code: "network_error" }
  }
  const json = (await res.json().catch(() => ({}))) as any
  if (!res.ok || json?.error) {
    const err = json?.error ?? {}
    return { ok: false, message: String(err.message ?? `HTTP ${res.status}`), code: err.code, declineCode: err.decline_code }
  }
  const status = String(json?.status ?? "")
  // manual capture: a confirmed intent waits for capture; automatic capture: it already succeeded
  if (status === "requires_capture" || status === "succeeded" || status === "processing") return { ok: true, status }
  if (status === "requires_action") return { ok: false, message: "3-D Secure", code: "authentication_required" }
  return { ok: false, message: String(json?.last_payment_error?.message ?? status), code: json?.last_payment_error?.code }
}
