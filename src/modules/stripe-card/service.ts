import { createRequire } from "node:module"
import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { AuthorizePaymentInput, AuthorizePaymentOutput } from "@medusajs/framework/types"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"

export type StripeCardOptions = {
  apiKey: string
  webhookSecret: string
  capture?: boolean
  /** `http://127.0.0.1:12111`: send every Stripe API call to this host (the test server) instead of api.stripe.com */
  apiBase?: string
}

// The provider's own stripe SDK (v15, nested under the package), not whichever major is hoisted.
const providerRequire = createRequire(require.resolve("@medusajs/payment-stripe/dist/core/stripe-base"))
const Stripe = providerRequire("stripe")

/** `new Stripe(key, …)` options that point the SDK at `apiBase`; undefined for Stripe itself. */
export function stripeHostOptions(apiBase: string | undefined, apiKey: string) {
  if (!apiBase) return undefined
  let url: URL
  try {
    url = new URL(apiBase)
  } catch {
    throw new Error(`STRIPE_API_BASE must be a URL such as http://127.0.0.1:12111, got "${apiBase}"`)
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`STRIPE_API_BASE must be http(s), got "${apiBase}"`)
  if (apiKey.startsWith("sk_live_") || apiKey.startsWith("rk_live_")) {
    // a live key never leaves for a host that is not Stripe's
    throw new Error("STRIPE_API_BASE is set together with a live Stripe key; use a sk_test_ key against a test server")
  }
  return {
    host: url.hostname,
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
    protocol: url.protocol.slice(0, -1) as "http" | "https",
    telemetry: false,
  }
}

/**
 * Medusa's Stripe card provider, unchanged, except that its client can be pointed at a
 * Stripe-API-compatible host (`apiBase` / STRIPE_API_BASE). The identifier stays "stripe", so
 * with provider id "stripe" it registers as `pp_stripe_stripe` and Medusa's webhook route is
 * `/hooks/payment/stripe_stripe`.
 */
class StripeCardProviderService extends StripeProviderService {
  static identifier = "stripe"

  constructor(container: any, options: StripeCardOptions) {
    super(container, options)
    const host = stripeHostOptions(options.apiBase ?? process.env.STRIPE_API_BASE, options.apiKey)
    if (host) this.stripe_ = new Stripe(options.apiKey, host)
  }

  /**
   * Completing a cart whose card was declined (or never confirmed) fails as a payment
   * authorization error carrying Stripe's own message ("Your card was declined."): the store API
   * then answers `{ type: "cart", error }` for the checkout to show, instead of a bare 400
   * "Session … was not authorized with the provider".
   */
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const result = await super.authorizePayment(input)
    const intent = result.data as { status?: string; last_payment_error?: { message?: string; code?: string } } | undefined
    if (result.status === PaymentSessionStatus.ERROR) {
      const reason = intent?.last_payment_error?.message ?? "The card payment failed."
      throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, reason)
    }
    if (result.status === PaymentSessionStatus.REQUIRES_MORE) {
      throw new MedusaError(MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR, "The card payment needs the cardholder's authentication (3-D Secure) before the order can be placed.")
    }
    if (result.status === PaymentSessionStatus.PENDING && (intent?.status === "requires_payment_method" || intent?.status === "requires_confirmation")) {
      throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, "The card payment has not been confirmed yet: confirm it with the card, then complete the order.")
    }
    return result
  }
}

export default StripeCardProviderService
