import { model } from "@medusajs/framework/utils"

/** A debit (amount > 0) or credit (amount < 0) in fen; append-only. */
const JournalLine = model
  .define("journal_line", {
    id: model.id({ prefix: "jlin" }).primaryKey(),
    entry_id: model.text(),
    account_code: model.text(),
    merchant_id: model.text().nullable(),
    amount: model.number(),
  })
  .indexes([{ on: ["entry_id"] }, { on: ["account_code"] }])
  .checks([{ name: "journal_line_amount_not_zero", expression: (c) => `${c.amount} <> 0` }])

export default JournalLine
