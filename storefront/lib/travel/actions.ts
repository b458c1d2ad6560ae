"use server"

import { revalidatePath } from "next/cache"
import { retrieveCart } from "@/lib/medusa/cart"
import { getRegion } from "@/lib/medusa/region"
import { storeFetch } from "@/lib/medusa/rights"
import { getSdk } from "@/lib/medusa/sdk"
import { authHeaders, setCartId } from "@/lib/medusa/session"
import type { TravellerForm } from "./traveller-check"

export type BookResult = { ok: true; expires_at: string; quantity: number } | { ok: false; code: string; message: string }

/** Holds places on a departure for the visitor's cart (creating one if needed): one line per traveller. */
export async function bookDeparture(input: { departureId: string; travellers: TravellerForm[] }): Promise<BookResult> {
  let cart = await retrieveCart()
  if (!cart) {
    const region = await getRegion()
    cart = (await getSdk().store.cart.create({ region_id: region.id }, { fields: "id" }, await authHeaders())).cart
    await setCartId(cart.id)
  }
  const res = await storeFetch<{ hold: { expires_at: string; quantity: number } }>(`/store/carts/${encodeURIComponent(cart.id)}/travel`, {
    method: "POST",
    body: {
      departure_id: input.departureId,
      travellers: input.travellers.map((t) => ({
        type: t.type,
        name: t.name.trim(),
        id_type: t.id_type,
        id_number: t.id_number.replace(/\s/g, "").toUpperCase(),
        phone: t.phone.replace(/[\s-]/g, ""),
        ...(t.type !== "child" && t.single_room ? { single_room: true } : {}),
      })),
    },
  })
  if (!res.ok) return { ok: false, code: res.code ?? "failed", message: res.message }
  revalidatePath("/", "layout")
  return { ok: true, expires_at: res.body.hold.expires_at, quantity: res.body.hold.quantity }
}
