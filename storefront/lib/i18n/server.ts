import "server-only"
import { cookies } from "next/headers"
import { MESSAGES } from "./messages"
import { createT, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale, type TFunction } from "./translate"

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value
  return isLocale(value) ? value : DEFAULT_LOCALE
}

export async function getI18n(): Promise<{ locale: Locale; t: TFunction }> {
  const locale = await getLocale()
  return { locale, t: createT(MESSAGES[locale]) }
}
