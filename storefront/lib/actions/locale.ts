"use server"

import { cookies } from "next/headers"
import { revalidatePath } from "next/cache"
import { getLocale } from "@/lib/i18n/server"
import { LOCALE_COOKIE } from "@/lib/i18n/translate"

export async function toggleLocale(): Promise<void> {
  const next = (await getLocale()) === "zh-CN" ? "en" : "zh-CN"
  ;(await cookies()).set(LOCALE_COOKIE, next, {
    path: "/",
    sameSite: "lax",
    maxAge: 60 * 60 * 24 * 365,
  })
  revalidatePath("/", "layout")
}
