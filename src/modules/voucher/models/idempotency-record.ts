import { model } from "@medusajs/framework/utils"

// A terminal's Idempotency-Key with the hash of its request and the response it got:
// a replay returns the stored response, the same key with another body is refused.
const IdempotencyRecord = model
  .define("terminal_idempotency", {
    id: model.id({ prefix: "tidem" }).primaryKey(),
    terminal_id: model.text(),
    scope: model.text(),
    idempotency_key: model.text(),
    request_hash: model.text(),
    response_status: model.number(),
    response_body: model.json(),
  })
  .indexes([{ on: ["terminal_id", "scope", "idempotency_key"], unique: true }])

export default IdempotencyRecord
