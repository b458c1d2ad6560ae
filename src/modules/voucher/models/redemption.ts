import { model } from "@medusajs/framework/utils"
import IssuedVoucher from "./issued-voucher"

const Redemption = model
  .define("redemption", {
    id: model.id({ prefix: "rdm" }).primaryKey(),
    voucher: model.belongsTo(() => IssuedVoucher, { mappedBy: "redemptions" }),
    merchant_id: model.text(),
    store_id: model.text(),
    terminal_id: model.text(),
    amount: model.number(),
    idempotency_key: model.text(),
    reversed_at: model.dateTime().nullable(),
    reversed_by_terminal_id: model.text().nullable(),
  })
  .indexes([
    { on: ["terminal_id", "idempotency_key"], unique: true },
    { on: ["store_id", "created_at"] },
  ])
  .checks([{ name: "redemption_amount_positive", expression: (c) => `${c.amount} > 0` }])

export default Redemption
