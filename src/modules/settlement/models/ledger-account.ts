import { model } from "@medusajs/framework/utils"

/** A ledger account; merchant accounts carry the merchant in their code (merchant_payable:<id>). */
const LedgerAccount = model
  .define("ledger_account", {
    id: model.id({ prefix: "lacc" }).primaryKey(),
    code: model.text(),
    name: model.text(),
    type: model.enum(["asset", "liability", "revenue", "expense"]),
    merchant_id: model.text().nullable(),
  })
  .indexes([{ on: ["code"], unique: true }])

export default LedgerAccount
