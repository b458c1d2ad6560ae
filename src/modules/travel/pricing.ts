export const TRAVELLER_TYPES = ["adult", "child", "senior"] as const
export type TravellerType = (typeof TRAVELLER_TYPES)[number]

export type DeparturePrices = { price_adult: number; price_child: number; price_senior: number; single_supplement: number }

/** Fen for one place: the traveller type's price, plus the single supplement for a room alone (not for children). */
export function placePriceFen(d: DeparturePrices, type: TravellerType, singleRoom = false): number {
  const base = type === "adult" ? d.price_adult : type === "child" ? d.price_child : d.price_senior
  return Number(base) + (singleRoom && type !== "child" ? Number(d.single_supplement) : 0)
}
