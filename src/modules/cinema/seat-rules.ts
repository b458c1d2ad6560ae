export type SeatType = "standard" | "vip" | "couple"
export const SEAT_TYPES: SeatType[] = ["standard", "vip", "couple"]

/**
 * Couple seats go as a pair: every couple seat in `seats` must have its partner (same pair_id) in
 * `seats` too. With `exact`, a pair must be exactly two couple seats (the seat-map editor's rule).
 */
export function pairsComplete(seats: { id: string; type: string; pair_id: string | null }[], exact = false): boolean {
  const byPair = new Map<string, number>()
  for (const s of seats) {
    if (s.type !== "couple") continue
    if (!s.pair_id) return false
    byPair.set(s.pair_id, (byPair.get(s.pair_id) ?? 0) + 1)
  }
  for (const n of byPair.values()) {
    if (exact ? n !== 2 : n < 2) return false
  }
  return true
}

/**
 * A hall's grid as rows of cells, for the demo and the editor: `S` standard, `V` VIP, `C` couple
 * (two adjacent C cells form a pair), `X` disabled, `.` aisle. Rows are labelled A, B, C … from the
 * screen; seat numbers count the seats of a row from the left, skipping aisles.
 */
export function seatsFromLayout(layout: string[]) {
  const seats: { row_label: string; number: number; type: SeatType; pair_id: string | null; x: number; y: number; disabled: boolean }[] = []
  layout.forEach((line, y) => {
    const rowLabel = String.fromCharCode(65 + y)
    let number = 0
    let pendingCouple: string | null = null
    ;[...line].forEach((cell, x) => {
      if (cell === ".") {
        pendingCouple = null
        return
      }
      number++
      let type: SeatType = "standard"
      let pair: string | null = null
      if (cell === "V") type = "vip"
      if (cell === "C") {
        type = "couple"
        if (pendingCouple) {
          pair = pendingCouple
          pendingCouple = null
        } else {
          pair = `${rowLabel}${number}-${rowLabel}${number + 1}`
          pendingCouple = pair
        }
      } else {
        pendingCouple = null
      }
      seats.push({ row_label: rowLabel, number, type, pair_id: pair, x, y, disabled: cell === "X" })
    })
  })
  return { rows: layout.length, cols: Math.max(...layout.map((l) => l.length)), seats }
}
