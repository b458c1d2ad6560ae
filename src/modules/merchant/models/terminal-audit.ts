import { model } from "@medusajs/framework/utils"

// One row per terminal API call: who, which code (as its HMAC, never the code), outcome, latency.
const TerminalAudit = model
  .define("terminal_audit", {
    id: model.id({ prefix: "taud" }).primaryKey(),
    terminal_id: model.text().nullable(),
    key_id: model.text().nullable(),
    action: model.text(),
    code_hmac: model.text().nullable(),
    result: model.text(),
    http_status: model.number(),
    latency_ms: model.number(),
  })
  .indexes([{ on: ["terminal_id", "result", "created_at"] }])

export default TerminalAudit
