import type { Locale } from "@/lib/i18n/translate"
import { formatMoney } from "@/lib/money"
import { formatPoints } from "@/lib/rights/messages"

/**
 * Points-plus-cash goods: Medusa's price is the whole value (¥79) and the variant's
 * `metadata.points_price` the points each unit is paid with (2,000 points = ¥20, 100 points per
 * yuan), so the shopper sees "¥59 + 2,000 points". The backend decides; this only displays it.
 */
export function variantPointsPrice(variant: { metadata?: Record<string, unknown> | null } | null | undefined): number {
  const v = variant?.metadata?.points_price
  const n = typeof v === "string" ? Number(v) : v
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : 0
}

/** The cash part of a points-plus-cash price, in yuan, worked out in whole fen. */
export function cashPart(price: number, points: number): number {
  return Math.max(0, Math.round(price * 100) - points) / 100
}

/** "¥59.00 + 2,000 積分" / "¥59.00 + 2,000 points"; an ordinary price when there are no points. */
export function formatPointsPrice(price: number, points: number, locale: Locale, pointsWord: string): string {
  if (!points) return formatMoney(price, locale)
  return `${formatMoney(cashPart(price, points), locale)} + ${formatPoints(points, locale)} ${pointsWord}`
}
