import { model } from "@medusajs/framework/utils"
import Redemption from "./redemption"

const IssuedVoucher = model
  .define("issued_voucher", {
    id: model.id({ prefix: "vch" }).primaryKey(),
    template_id: model.text(),
    merchant_id: model.text(),
    customer_id: model.text().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    // n-th unit of the line item: issuance is idempotent on (line_item_id, unit_index)
    unit_index: model.number().default(0),
    kind: model.text(),
    title: model.text(),
    usage: model.text(),
    // the code exists only as a lookup HMAC and an encrypted copy for the owner's wallet
    code_hmac: model.text().unique(),
    code_encrypted: model.text(),
    status: model.enum(["active", "partially_redeemed", "redeemed", "expired", "refunded", "void"]).default("active"),
    face_value: model.number(),
    balance: model.number(),
    currency_code: model.text().default("cny"),
    valid_from: model.dateTime().nullable(),
    expires_at: model.dateTime().nullable(),
    allowed_store_ids: model.json().default({ ids: [] } as any),
    allowed_weekdays: model.json().default({ days: [] } as any),
    // what this unit is, set by the scene that sold it (film, showtime, seat; departure, traveller)
    details: model.json().nullable(),
    redemptions: model.hasMany(() => Redemption, { mappedBy: "voucher" }),
  })
  .indexes([
    { on: ["line_item_id", "unit_index"], unique: true, where: "line_item_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id"] },
  ])
  .checks([
    { name: "issued_voucher_balance_range", expression: (c) => `${c.balance} >= 0 AND ${c.balance} <= ${c.face_value}` },
  ])

export default IssuedVoucher
