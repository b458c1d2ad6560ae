import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import TravelModule from "../modules/travel"

// The Medusa product a package is sold as (title, images, the voucher variant): one product per package.
export default defineLink(TravelModule.linkable.travelPackage, ProductModule.linkable.product)
