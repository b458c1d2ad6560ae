import { pairsComplete, seatsFromLayout } from "../../src/modules/cinema/seat-rules"
import { refundTerms } from "../../src/modules/cinema/refund-terms"
import { ticketLineItems } from "../../src/workflows/steps/seat-ticket-lines"

describe("seat layouts", () => {
  it("numbers seats from the left skipping aisles, pairs adjacent couple cells and keeps disabled seats", () => {
    const { rows, cols, seats } = seatsFromLayout(["SX.VV", "CC.CC", "C.CC"])
    expect([rows, cols]).toEqual([3, 5])
    expect(seats.filter((s) => s.row_label === "A").map((s) => [s.number, s.type, s.disabled, s.x])).toEqual([
      [1, "standard", false, 0],
      [2, "standard", true, 1],
      [3, "vip", false, 3],
      [4, "vip", false, 4],
    ])
    const b = seats.filter((s) => s.row_label === "B")
    expect(b.map((s) => s.pair_id)).toEqual(["B1-B2", "B1-B2", "B3-B4", "B3-B4"])
    // a lone couple cell before an aisle has no partner: the editor's exact rule refuses it
    expect(pairsComplete(seats.map((s, i) => ({ id: String(i), type: s.type, pair_id: s.pair_id })), true)).toBe(false)
  })

  it("accepts whole pairs only", () => {
    const pair = [
      { id: "a", type: "couple", pair_id: "p" },
      { id: "b", type: "couple", pair_id: "p" },
    ]
    expect(pairsComplete(pair)).toBe(true)
    expect(pairsComplete(pair.slice(0, 1))).toBe(false)
    expect(pairsComplete([{ id: "s", type: "standard", pair_id: null }])).toBe(true)
    expect(pairsComplete([{ id: "c", type: "couple", pair_id: null }])).toBe(false)
  })
})

describe("tickets", () => {
  const showtime = {
    id: "sht_1", film_id: "film_1", film_title: "Film", cinema_id: "cin_1", cinema_name: "Cinema", hall_id: "hall_1", hall_name: "Hall 1",
    starts_at: "2026-12-01T11:30:00.000Z", format: "2D", language: "國語", ticket_variants: { standard: "variant_s", vip: "variant_v", couple: "variant_c" },
  }
  const seat = { claim_id: "sclm_1", seat_id: "seat_1", row_label: "F", number: 7, type: "vip" as const, price: 6550, expires_at: new Date() }

  it("makes one line of quantity 1 per seat at the seat type's price in yuan, valid from 2 h before to 30 min after the start", () => {
    const [line] = ticketLineItems(showtime, [seat])
    expect(line).toMatchObject({ variant_id: "variant_v", quantity: 1, unit_price: 65.5 })
    expect(line.metadata.voucher).toEqual({
      valid_from: "2026-12-01T09:30:00.000Z",
      expires_at: "2026-12-01T12:00:00.000Z",
      details: expect.objectContaining({ showtime_id: "sht_1", seat_id: "seat_1", seat: expect.objectContaining({ label: "F7", type: "vip" }) }),
    })
    expect(line.metadata.cinema).toMatchObject({ seat_claim_id: "sclm_1", showtime_id: "sht_1", seat_id: "seat_1" })
  })

  it("refunds in full until 2 h before the start, then refuses with refund_window_closed", async () => {
    const v = { id: "v", kind: "movie", details: { starts_at: "2026-12-01T11:30:00.000Z" }, valid_from: null, expires_at: null, order_id: "o", line_item_id: "l" }
    expect(await refundTerms(v, new Date("2026-12-01T09:30:00.000Z"))).toEqual({ percent: 100 })
    expect(await refundTerms(v, new Date("2026-12-01T09:30:01.000Z"))).toMatchObject({ code: "refund_window_closed" })
  })
})
