import { model } from "@medusajs/framework/utils"
import Merchant from "./merchant"
import Terminal from "./terminal"

const MerchantStore = model.define("merchant_store", {
  id: model.id({ prefix: "mst" }).primaryKey(),
  name: model.text().searchable(),
  address: model.text().nullable(),
  city: model.text().nullable(),
  latitude: model.float().nullable(),
  longitude: model.float().nullable(),
  hours: model.json().nullable(),
  status: model.enum(["active", "closed"]).default("active"),
  merchant: model.belongsTo(() => Merchant, { mappedBy: "stores" }),
  terminals: model.hasMany(() => Terminal, { mappedBy: "store" }),
})

export default MerchantStore
