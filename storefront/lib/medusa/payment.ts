import "server-only"
import { STRIPE_PROVIDER_ID } from "@/lib/payments/card"
import { authHeaders } from "./session"
import { getSdk } from "./sdk"

/** The payment providers the cart's region offers (ids such as pp_system_default, pp_stripe_stripe). */
export async function listPaymentProviderIds(regionId: string | null | undefined): Promise<string[]> {
  if (!regionId) return []
  const { payment_providers } = await getSdk().store.payment.listPaymentProviders({ region_id: regionId }, await authHeaders())
  return payment_providers.map((p) => p.id)
}

export type CardPaymentConfig = { apiBase: string; publishableKey: string } | null

/**
 * Card payments when the region offers Medusa's Stripe provider and the storefront was built with
 * the Stripe host and publishable key (NEXT_PUBLIC_*: public by design, inlined at build time).
 */
export function cardPaymentConfig(providerIds: string[]): CardPaymentConfig {
  const apiBase = process.env.NEXT_PUBLIC_STRIPE_API_BASE
  const publishableKey = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY
  if (!apiBase || !publishableKey || !providerIds.includes(STRIPE_PROVIDER_ID)) return null
  return { apiBase, publishableKey }
}
