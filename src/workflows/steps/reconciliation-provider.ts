import { createRequire } from "node:module"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stripeHostOptions } from "../../modules/stripe-card/service"

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"

// The provider's own stripe SDK (v15, nested under the package), as src/modules/stripe-card uses it.
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe/dist/core/stripe-base"))("stripe")

type Container = { resolve: (key: string) => any }

/**
 * A Stripe client with the options the card provider was registered with (medusa-config's payment
 * module, provider id "stripe"): same key, same host (`apiBase`, else STRIPE_API_BASE, as the
 * provider does). Null when no card provider is configured.
 */
export function reconciliationStripeClient(container: Container): any | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const providers: any[] = config?.modules?.[Modules.PAYMENT]?.options?.providers ?? []
  const card = providers.find((p) => p?.id === "stripe")
  const apiKey: string | undefined = card?.options?.apiKey
  if (!apiKey) return null
  return new Stripe(apiKey, stripeHostOptions(card.options.apiBase ?? process.env.STRIPE_API_BASE, apiKey))
}

/** Which provider's books the day is reconciled against: Stripe when its card provider is registered. */
export const resolveReconciliationProviderStep = createStep("reconciliation-resolve-provider", async (_: void, { container }) => {
  const payment = container.resolve(Modules.PAYMENT)
  const [registered] = await payment.listPaymentProviders({ id: [STRIPE_PROVIDER_ID] })
  const configured = !!registered && reconciliationStripeClient(container) !== null
  return new StepResponse({ provider: configured ? ("stripe" as const) : null })
})
