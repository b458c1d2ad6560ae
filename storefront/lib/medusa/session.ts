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

export async function getCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value || undefined
}

export async function setCartId(id: string): Promise<void> {
  ;(await cookies()).set(CART_COOKIE, id, cookieOptions(WEEK))
}

export async function clearCartId(): Promise<void> {
  ;(await cookies()).delete(CART_COOKIE)
}

export async function getAuthToken(): Promise<string | undefined> {
  return (await cookies()).get(AUTH_COOKIE)?.value || undefined
}

export async function setAuthToken(token: string): Promise<void> {
  ;(await cookies()).set(AUTH_COOKIE, token, cookieOptions(WEEK))
}

export async function clearAuthToken(): Promise<void> {
  ;(await cookies()).delete(AUTH_COOKIE)
}

/** Headers for SDK calls made on behalf of the current visitor. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await getAuthToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}
