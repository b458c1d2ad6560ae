import { model } from "@medusajs/framework/utils"

/** The rights a customer chose for a cart: `applied` while shopping, `taken` when the cart completed. */
const CartRights = model
  .define("cart_rights", {
    id: model.id({ prefix: "crights" }).primaryKey(),
    cart_id: model.text(),
    customer_id: model.text(),
    points: model.number().default(0),
    points_value: model.number().default(0),
    benefit_program_id: model.text().nullable(),
    benefit_value: model.number().default(0),
    status: model.enum(["applied", "taken"]).default("applied"),
    order_id: model.text().nullable(),
  })
  .indexes([{ on: ["cart_id"], unique: true }])

export default CartRights
