import { model } from "@medusajs/framework/utils"

/** One business event in the ledger, posted once (posting_key); its lines sum to zero (checked at commit). */
const JournalEntry = model
  .define("journal_entry", {
    id: model.id({ prefix: "jent" }).primaryKey(),
    posting_key: model.text(),
    kind: model.enum(["sale", "redemption", "reversal", "refund", "expiry", "delivery", "payout", "points"]),
    business_date: model.text(),
    merchant_id: model.text().nullable(),
    order_id: model.text().nullable(),
    voucher_id: model.text().nullable(),
    source_id: model.text().nullable(),
    memo: model.text().nullable(),
  })
  .indexes([{ on: ["posting_key"], unique: true }, { on: ["business_date"] }, { on: ["merchant_id", "business_date"] }])

export default JournalEntry
