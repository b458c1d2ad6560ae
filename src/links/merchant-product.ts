import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import MerchantModule from "../modules/merchant"

// Who sells a product: one merchant, many products.
export default defineLink(MerchantModule.linkable.merchant, { linkable: ProductModule.linkable.product, isList: true })
