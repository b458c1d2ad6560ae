import type { Locale } from "./i18n/translate"

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * Formats a CNY amount as the Medusa store API returns it: major units (88 → ¥88.00).
 * `narrowSymbol` keeps "¥" in English too instead of "CN¥".
 */
export function formatMoney(amount: number | string | null | undefined, locale: Locale): string {
  const value = typeof amount === "string" ? Number(amount) : amount ?? 0
  let formatter = formatters.get(locale)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "CNY",
      currencyDisplay: "narrowSymbol",
    })
    formatters.set(locale, formatter)
  }
  return formatter.format(Number.isFinite(value) ? value : 0)
}
