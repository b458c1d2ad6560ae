import { model } from "@medusajs/framework/utils"

/**
 * The append-only points ledger (a trigger refuses UPDATE and DELETE). `posting_key` makes every
 * posting exactly-once: earn:<order>, burn:<cart>, refund:<refund id>, adjust:<request id> …
 */
const PointsEntry = model
  .define("points_entry", {
    id: model.id({ prefix: "pent" }).primaryKey(),
    account_id: model.text(),
    customer_id: model.text(),
    kind: model.enum(["earn", "burn", "release", "refund", "clawback", "expire", "adjust"]),
    points: model.number(),
    balance_after: model.number(),
    posting_key: model.text(),
    order_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    reason: model.text().nullable(),
    operator_id: model.text().nullable(),
    /** for debits: which lots the points came from, so a refund puts them back where they were */
    lots: model.json().nullable(),
  })
  .indexes([
    { on: ["posting_key"], unique: true },
    { on: ["customer_id", "created_at"] },
    { on: ["order_id"] },
  ])
  .checks([
    { name: "points_entry_balance_after_not_negative", expression: (c) => `${c.balance_after} >= 0` },
    { name: "points_entry_points_not_zero", expression: (c) => `${c.points} <> 0` },
  ])

export default PointsEntry
