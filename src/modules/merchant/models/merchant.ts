import { model } from "@medusajs/framework/utils"
import MerchantStore from "./merchant-store"

const Merchant = model.define("merchant", {
  id: model.id({ prefix: "mer" }).primaryKey(),
  name: model.text().searchable(),
  legal_name: model.text().nullable(),
  status: model.enum(["active", "suspended"]).default("active"),
  contact_phone: model.text().nullable(),
  // the operator sees only a masked account; the full number is encrypted at rest
  settlement_account_encrypted: model.text().nullable(),
  settlement_account_last4: model.text().nullable(),
  metadata: model.json().nullable(),
  stores: model.hasMany(() => MerchantStore, { mappedBy: "merchant" }),
})

export default Merchant
