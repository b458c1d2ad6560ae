import { model } from "@medusajs/framework/utils"

/** A merchant's settlement terms: who keeps the value of vouchers that expire unused. */
const MerchantContract = model
  .define("merchant_contract", {
    id: model.id({ prefix: "mcon" }).primaryKey(),
    merchant_id: model.text(),
    breakage: model.enum(["platform", "merchant"]).default("platform"),
  })
  .indexes([{ on: ["merchant_id"], unique: true, where: "deleted_at IS NULL" }])

export default MerchantContract
