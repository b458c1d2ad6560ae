import "server-only"
import { cookies } from "next/headers"

export const CART_COOKIE = "pl_cart_id"
export const AUTH_COOKIE = "pl_jwt"

const WEEK = 60 * 60 * 24 * 7

function cookieOptions(maxAge: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE === "true",
    path: "/",
    maxAge,
  }
}

/** The cart and the login are both remembered the same way: an httpOnly cookie that lasts a week. */
function sessionCookie(name: string) {
  return {
    get: async (): Promise<string | undefined> => (await cookies()).get(name)?.value || undefined,
    set: async (value: string): Promise<void> => {
      ;(await cookies()).set(name, value, cookieOptions(WEEK))
    },
    clear: async (): Promise<void> => {
      ;(await cookies()).delete(name)
    },
  }
}

const cartCookie = sessionCookie(CART_COOKIE)
const authCookie = sessionCookie(AUTH_COOKIE)

export const getCartId = cartCookie.get
export const setCartId = cartCookie.set
export const clearCartId = cartCookie.clear

export const getAuthToken = authCookie.get
export const setAuthToken = authCookie.set
export const clearAuthToken = authCookie.clear

/** Headers for SDK calls made on behalf of the current visitor. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await getAuthToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}
