import { model } from "@medusajs/framework/utils"

// Seen nonces; the unique index makes a replay fail even across API servers.
const TerminalNonce = model
  .define("terminal_nonce", {
    id: model.id({ prefix: "tnon" }).primaryKey(),
    terminal_id: model.text(),
    nonce: model.text(),
  })
  .indexes([{ on: ["terminal_id", "nonce"], unique: true }])

export default TerminalNonce
