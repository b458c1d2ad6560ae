import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeCardProviderService from "./service"

/** Card payments through Stripe (or a Stripe-API-compatible test host, see service.ts). */
export default ModuleProvider(Modules.PAYMENT, {
  services: [StripeCardProviderService],
})
