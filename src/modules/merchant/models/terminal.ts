import { model } from "@medusajs/framework/utils"
import MerchantStore from "./merchant-store"

const Terminal = model.define("terminal", {
  id: model.id({ prefix: "term" }).primaryKey(),
  name: model.text(),
  key_id: model.text().unique(),
  // HMAC verification needs the secret itself, so it is encrypted (AES-256-GCM), never plain
  secret_encrypted: model.text(),
  // one-time pairing code: only its hash is kept, and it dies on first use or expiry
  pairing_code_hash: model.text().nullable(),
  pairing_expires_at: model.dateTime().nullable(),
  status: model.enum(["active", "disabled", "locked"]).default("active"),
  locked_at: model.dateTime().nullable(),
  // the lockout window restarts when an operator unlocks
  unlocked_at: model.dateTime().nullable(),
  last_seen_at: model.dateTime().nullable(),
  store: model.belongsTo(() => MerchantStore, { mappedBy: "terminals" }),
})

export default Terminal
