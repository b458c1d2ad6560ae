"use server"

import { revalidatePath } from "next/cache"
import { retrieveCart } from "@/lib/medusa/cart"
import { getRegion } from "@/lib/medusa/region"
import { storeFetch } from "@/lib/medusa/rights"
import { getSdk } from "@/lib/medusa/sdk"
import { authHeaders, setCartId } from "@/lib/medusa/session"
import type { Seat } from "./api"

export type HoldResult = { ok: true; expires_at: string } | { ok: false; code: string; message: string; seats?: Seat[] }

/** Holds the chosen seats for the visitor's cart (creating one if needed) and adds a ticket line per seat. */
export async function holdSeats(input: { showtimeId: string; seatIds: string[] }): Promise<HoldResult> {
  let cart = await retrieveCart()
  if (!cart) {
    const region = await getRegion()
    cart = (await getSdk().store.cart.create({ region_id: region.id }, { fields: "id" }, await authHeaders())).cart
    await setCartId(cart.id)
  }
  const res = await storeFetch<{ seats: { expires_at: string }[] }>(`/store/carts/${encodeURIComponent(cart.id)}/seats`, {
    method: "POST",
    body: { showtime_id: input.showtimeId, seat_ids: input.seatIds },
  })
  if (res.ok) {
    revalidatePath("/", "layout")
    return { ok: true, expires_at: res.body.seats[0]?.expires_at }
  }
  // the map as it is now, so the picker shows who took what
  const map = await storeFetch<{ seats: Seat[] }>(`/store/showtimes/${encodeURIComponent(input.showtimeId)}/seats?cart_id=${encodeURIComponent(cart.id)}`)
  return { ok: false, code: res.code ?? "failed", message: res.message, seats: map.ok ? map.body.seats : undefined }
}
