import type { AxiosInstance } from "axios"

/** Buys `quantity` of a product through the store API with the system payment provider. */
export async function buyThroughStoreApi(api: AxiosInstance, headers: Record<string, string>, email: string, quantity: number, handle = "golden-dragon-100-voucher") {
  const { data: regions } = await api.get("/store/regions", { headers })
  const region = regions.regions.find((r: any) => r.currency_code === "cny")
  const { data: list } = await api.get(`/store/products?handle=${handle}&fields=*variants`, { headers })
  const variant = list.products[0].variants[0]
  const { data: c } = await api.post("/store/carts", { region_id: region.id, email }, { headers })
  await api.post(`/store/carts/${c.cart.id}/line-items`, { variant_id: variant.id, quantity }, { headers })
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: c.cart.id }, { headers })
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
  const { data: done } = await api.post(`/store/carts/${c.cart.id}/complete`, {}, { headers })
  if (done.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(done).slice(0, 300)}`)
  return done.order
}

/** Issuance runs on order.placed, after the response: wait until the order's vouchers are in the wallet. */
export async function walletVouchersFor(api: AxiosInstance, headers: Record<string, string>, orderId: string, expected: number) {
  for (let i = 0; i < 50; i++) {
    const { data } = await api.get("/store/wallet/vouchers", { headers })
    const mine = data.vouchers.filter((v: any) => v.order_id === orderId)
    if (mine.length >= expected) return mine
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vouchers for order ${orderId} were not issued within 10 s`)
}
