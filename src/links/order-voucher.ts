import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import VoucherModule from "../modules/voucher"

// The vouchers an order issued, one per unit of each voucher line.
export default defineLink(OrderModule.linkable.order, { linkable: VoucherModule.linkable.issuedVoucher, isList: true })
