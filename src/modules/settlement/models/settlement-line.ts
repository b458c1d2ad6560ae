import { model } from "@medusajs/framework/utils"

/**
 * What one event means for a merchant's payout, in fen: gross (agreed price share), commission,
 * merchant-funded discount and net = gross − commission − merchant_funded. `settle_date` is the
 * business day whose batch pays it (the event's own day, or the next open one if that day was
 * already settled).
 */
const SettlementLine = model
  .define("settlement_line", {
    id: model.id({ prefix: "sline" }).primaryKey(),
    posting_key: model.text(),
    merchant_id: model.text(),
    kind: model.enum(["redemption", "reversal", "breakage", "delivery"]),
    business_date: model.text(),
    settle_date: model.text(),
    order_id: model.text().nullable(),
    voucher_id: model.text().nullable(),
    source_id: model.text().nullable(),
    gross: model.number(),
    commission: model.number(),
    merchant_funded: model.number(),
    net: model.number(),
    commission_rate_id: model.text().nullable(),
  })
  .indexes([{ on: ["posting_key"], unique: true }, { on: ["settle_date", "merchant_id"] }, { on: ["merchant_id", "created_at"] }])
  .checks([{ name: "settlement_line_net", expression: (c) => `${c.net} = ${c.gross} - ${c.commission} - ${c.merchant_funded}` }])

export default SettlementLine
