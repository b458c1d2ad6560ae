import { model } from "@medusajs/framework/utils"

/**
 * A cinema is a store (branch) of a cinema merchant. Its ticket product's variants (one per seat
 * type, each with a voucher template of kind `movie`) turn a booked seat into a voucher.
 */
const Cinema = model
  .define("cinema", {
    id: model.id({ prefix: "cin" }).primaryKey(),
    name: model.text().searchable(),
    city: model.text(),
    address: model.text().nullable(),
    merchant_id: model.text(),
    merchant_store_id: model.text(),
    /** { standard: variant_id, vip: variant_id, couple: variant_id } */
    ticket_variants: model.json().nullable(),
  })
  .indexes([{ on: ["city"] }, { on: ["merchant_store_id"], unique: true }])

export default Cinema
