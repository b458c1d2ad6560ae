import { shanghaiMidnight } from "../../lib/shanghai-time"

export const TRAVELLER_TYPE_LABELS = { adult: "成人 Adult", child: "兒童 Child", senior: "長者 Senior" } as const

/** The departure day in Asia/Shanghai: the voucher checks in from its first to its last instant. */
export function departureWindow(date: string) {
  const [y, m, d] = date.split("-").map(Number)
  return { valid_from: shanghaiMidnight(y, m, d).toISOString(), expires_at: shanghaiMidnight(y, m, d + 1).toISOString() }
}

export type LineTraveller = { id: string; type: "adult" | "child" | "senior"; name: string; id_type: string; id_number_masked: string; phone_masked: string; single_room: boolean }

/**
 * The metadata of one place's cart line: `travel` ties it to its hold and traveller; `voucher` is the
 * voucher contract (departure-day window and the details the wallet and the terminal show). Only
 * masked document numbers ever go into a line or a voucher.
 */
export function travelLineMetadata(input: {
  pkg: { id: string; handle: string; title: string; destination: string; days: number }
  departure: { id: string; date: string }
  hold_id: string
  traveller: LineTraveller
}) {
  const { pkg, departure, traveller: t } = input
  return {
    travel: { hold_id: input.hold_id, traveller_id: t.id, departure_id: departure.id, package_id: pkg.id },
    voucher: {
      ...departureWindow(departure.date),
      details: {
        scene: "travel",
        package: { handle: pkg.handle, title: pkg.title, destination: pkg.destination, days: pkg.days },
        departure: { id: departure.id, date: departure.date },
        traveller: { type: t.type, name: t.name, id_type: t.id_type, id_number: t.id_number_masked, phone: t.phone_masked, single_room: t.single_room },
      },
    },
  }
}
