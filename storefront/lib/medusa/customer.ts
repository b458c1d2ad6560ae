import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { isUnauthorized } from "./errors"
import { getSdk } from "./sdk"
import { authHeaders, getAuthToken } from "./session"

/** The logged-in customer, or undefined (no token, expired or rejected token). */
export async function retrieveCustomer(): Promise<HttpTypes.StoreCustomer | undefined> {
  if (!(await getAuthToken())) return undefined
  try {
    const { customer } = await getSdk().store.customer.retrieve(
      { fields: "id,email,first_name,last_name,phone" },
      await authHeaders()
    )
    return customer
  } catch (error) {
    if (isUnauthorized(error)) return undefined
    throw error
  }
}

export const ORDER_FIELDS =
  "id,display_id,customer_id,email,status,created_at,currency_code,total,subtotal,item_total,shipping_total,tax_total," +
  "discount_total,credit_line_total,payment_status,fulfillment_status,*items,*shipping_address,*shipping_methods"
/** The list route doesn't allow relations beyond these; one order's page also shows its credit lines (rights). */
const ORDER_DETAIL_FIELDS = `${ORDER_FIELDS},*credit_lines`

export async function listOrders(): Promise<HttpTypes.StoreOrder[]> {
  const { orders } = await getSdk().store.order.list(
    { limit: 50, order: "-created_at", fields: ORDER_FIELDS } as HttpTypes.StoreOrderFilters,
    await authHeaders()
  )
  return orders
}

export async function retrieveOrder(id: string): Promise<HttpTypes.StoreOrder> {
  const { order } = await getSdk().store.order.retrieve(id, { fields: ORDER_DETAIL_FIELDS }, await authHeaders())
  return order as HttpTypes.StoreOrder
}
