import type { MedusaContainer } from "@medusajs/framework/types"
import { daysBeforeDeparture, refundPercent } from "./cancellation"
import type TravelModuleService from "./service"

const TRAVEL_MODULE = "travel"

type VoucherForTerms = { id: string; kind: string; details?: any; valid_from?: Date | string | null; expires_at?: Date | string | null; order_id?: string | null; line_item_id?: string | null }

async function placeOf(container: MedusaContainer, voucher: VoucherForTerms) {
  const travel: TravelModuleService = container.resolve(TRAVEL_MODULE)
  if (!voucher.line_item_id) return null
  const [traveller] = await travel.listTravelTravellers({ line_item_id: voucher.line_item_id } as any, { take: 1 })
  if (!traveller) return null
  const departure = await travel.retrieveTravelDeparture(traveller.departure_id)
  const pkg = await travel.retrieveTravelPackage(departure.package_id)
  return { traveller, departure, pkg }
}

/**
 * The package's cancellation tier decides the share refunded: Asia/Shanghai calendar days from today
 * to the departure day. On or after the departure day nothing is refundable any more.
 */
export async function refundTerms(voucher: VoucherForTerms, now: Date, container: MedusaContainer): Promise<{ percent: number } | { code: string; message: string }> {
  const place = await placeOf(container, voucher)
  if (!place) return { code: "travel_booking_not_found", message: "This travel voucher has no booking behind it." }
  const days = daysBeforeDeparture(place.departure.date, now)
  if (days < 0) return { code: "departure_passed", message: `The tour left on ${place.departure.date}; it can no longer be cancelled.` }
  return { percent: refundPercent((place.pkg.cancellation_tiers as any)?.tiers, days) }
}

/** After the money moved: the place goes back on sale (idempotent: only a booked place is cancelled). */
export async function afterRefund(container: MedusaContainer, voucher: VoucherForTerms): Promise<void> {
  if (!voucher.line_item_id) return
  const travel: TravelModuleService = container.resolve(TRAVEL_MODULE)
  await travel.cancelPlace(voucher.line_item_id)
}
