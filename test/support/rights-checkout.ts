import type { AxiosInstance } from "axios"

export type Shopper = { headers: Record<string, string>; customerId: string; email: string }

/** A new customer account with a bearer token, as the storefront's sign-up makes one. */
export async function registerShopper(api: AxiosInstance, publishableKey: string, email: string, password = "palmlife-test"): Promise<Shopper> {
  const reg = await api.post("/auth/customer/emailpass/register", { email, password })
  const created = await api.post(
    "/store/customers",
    { email, first_name: "Test", last_name: email.split("@")[0] },
    { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": publishableKey } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return {
    headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": publishableKey },
    customerId: created.data.customer.id,
    email,
  }
}

/** A cart of `quantity` × the product's `variantIndex`-th variant, owned by the shopper. */
export async function cartWith(api: AxiosInstance, shopper: Shopper, handle: string, quantity = 1, variantIndex = 0) {
  const { headers } = shopper
  const { data: regions } = await api.get("/store/regions", { headers })
  const region = regions.regions.find((r: any) => r.currency_code === "cny")
  const { data: list } = await api.get(`/store/products?handle=${handle}&fields=*variants`, { headers })
  const variant = list.products[0].variants[variantIndex]
  const { data: c } = await api.post("/store/carts", { region_id: region.id, email: shopper.email }, { headers })
  await api.post(`/store/carts/${c.cart.id}/line-items`, { variant_id: variant.id, quantity }, { headers })
  return c.cart.id as string
}

/** Opens the system payment session for what cash is still due (after rights). */
export async function payWithSystemProvider(api: AxiosInstance, shopper: Shopper, cartId: string) {
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: shopper.headers })
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers: shopper.headers })
}

/** POST /store/carts/:id/complete without throwing: { status, data }. */
export async function completeCart(api: AxiosInstance, shopper: Shopper, cartId: string) {
  const res = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: shopper.headers, validateStatus: () => true })
  return { status: res.status, data: res.data }
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, tries = 50): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe()
    if (v) return v
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}
