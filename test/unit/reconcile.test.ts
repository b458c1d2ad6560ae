import fc from "fast-check"
import {
  businessDayWindow,
  isBusinessDate,
  medusaAmountToFen,
  reconcile,
  type OurMovement,
  type ProviderMovement,
} from "../../src/modules/settlement/reconcile"

let seq = 0
const ours = (kind: "capture" | "refund", pi: string, amount: number, at = "2026-11-28T02:00:00.000Z", extra: Partial<OurMovement> = {}): OurMovement => ({
  kind, id: `${kind === "capture" ? "capt" : "ref"}_${++seq}`, payment_id: `pay_${pi}`, payment_intent: pi, order_id: `order_${pi}`,
  currency_code: "cny", amount, created_at: at, ...extra,
})
const theirs = (kind: "capture" | "refund", pi: string | null, amount: number, at = "2026-11-28T02:00:01.000Z", extra: Partial<ProviderMovement> = {}): ProviderMovement => ({
  kind, balance_transaction: `txn_${++seq}`, source: `${kind === "capture" ? "ch" : "re"}_${seq}`, payment_intent: pi,
  currency_code: "cny", amount, created_at: at, ...extra,
})

describe("reconcile", () => {
  it("matches captures and refunds by kind, PaymentIntent and amount", () => {
    const r = reconcile(
      [ours("capture", "pi_a", 8800), ours("refund", "pi_a", 8800), ours("capture", "pi_b", 6800)],
      [theirs("capture", "pi_b", 6800), theirs("refund", "pi_a", 8800), theirs("capture", "pi_a", 8800)]
    )
    expect(r.summary).toEqual({ matched: 3, missing: 0, extra: 0, differing: 0 })
    expect([r.missing, r.extra, r.differing]).toEqual([[], [], []])
  })

  it("lists missing (ours only), extra (theirs only) and differing (both, amounts differ)", () => {
    const lost = ours("capture", "pi_lost", 8800)
    const ours2 = ours("capture", "pi_diff", 8800)
    const theirs2 = theirs("capture", "pi_diff", 8700)
    const stray = theirs("refund", "pi_ok", 1000)
    const r = reconcile([ours("capture", "pi_ok", 8800), lost, ours2], [theirs("capture", "pi_ok", 8800), theirs2, stray])
    expect(r.summary).toEqual({ matched: 1, missing: 1, extra: 1, differing: 1 })
    expect(r.missing).toEqual([lost])
    expect(r.extra).toEqual([{ ...stray, order_id: "order_pi_ok" }])
    expect(r.differing).toEqual([{ kind: "capture", payment_intent: "pi_diff", order_id: "order_pi_diff", ours: ours2, theirs: theirs2, difference: -100 }])
  })

  it("a capture never matches a refund of the same amount, nor another currency", () => {
    const r = reconcile([ours("capture", "pi_a", 500), ours("capture", "pi_c", 500)], [theirs("refund", "pi_a", 500), theirs("capture", "pi_c", 500, undefined, { currency_code: "usd" })])
    expect(r.summary).toEqual({ matched: 0, missing: 2, extra: 2, differing: 0 })
  })

  it("several refunds of one PaymentIntent: equal amounts pair first, the rest pair in time order", () => {
    const r1 = ours("refund", "pi_a", 1000, "2026-11-28T01:00:00.000Z")
    const r2 = ours("refund", "pi_a", 2000, "2026-11-28T02:00:00.000Z")
    const r3 = ours("refund", "pi_a", 3000, "2026-11-28T03:00:00.000Z")
    const t1 = theirs("refund", "pi_a", 3000, "2026-11-28T01:00:01.000Z")
    const t2 = theirs("refund", "pi_a", 1000, "2026-11-28T02:00:01.000Z")
    const t3 = theirs("refund", "pi_a", 2500, "2026-11-28T03:00:01.000Z")
    const r = reconcile([r3, r1, r2], [t2, t3, t1])
    expect(r.summary).toEqual({ matched: 2, missing: 0, extra: 0, differing: 1 })
    expect(r.differing[0]).toMatchObject({ ours: r2, theirs: t3, difference: 500 })
  })

  it("a provider movement with no PaymentIntent is extra", () => {
    const orphan = theirs("capture", null, 100)
    expect(reconcile([], [orphan])).toMatchObject({ summary: { matched: 0, missing: 0, extra: 1, differing: 0 }, extra: [{ ...orphan, order_id: null }] })
  })

  it("property: every movement is accounted for exactly once; identical books match completely", () => {
    const side = fc.array(
      fc.record({ kind: fc.constantFrom<"capture" | "refund">("capture", "refund"), pi: fc.constantFrom("pi_1", "pi_2", "pi_3", "pi_4"), amount: fc.integer({ min: 1, max: 20000 }) }),
      { maxLength: 30 }
    )
    fc.assert(
      fc.property(side, side, (a, b) => {
        const o = a.map((m) => ours(m.kind, m.pi, m.amount))
        const t = b.map((m) => theirs(m.kind, m.pi, m.amount))
        const r = reconcile(o, t)
        expect(r.summary.matched + r.summary.missing + r.summary.differing).toBe(o.length)
        expect(r.summary.matched + r.summary.extra + r.summary.differing).toBe(t.length)
        const ids = [...r.missing.map((m) => m.id), ...r.differing.map((d) => d.ours.id)]
        expect(new Set(ids).size).toBe(ids.length)
        for (const d of r.differing) {
          expect(d.ours.amount).not.toBe(d.theirs.amount)
          expect([d.ours.kind, d.ours.payment_intent]).toEqual([d.theirs.kind, d.theirs.payment_intent])
        }
        // the provider's own books against themselves
        const same = reconcile(o, o.map((m) => theirs(m.kind, m.payment_intent, m.amount)))
        expect(same.summary).toEqual({ matched: o.length, missing: 0, extra: 0, differing: 0 })
      })
    )
  })
})

describe("business day window and amounts", () => {
  it("an Asia/Shanghai calendar day, 16:00 UTC the day before to 16:00 UTC", () => {
    expect(businessDayWindow("2026-11-28")).toEqual({ from: "2026-11-27T16:00:00.000Z", to: "2026-11-28T16:00:00.000Z" })
    expect(businessDayWindow("2027-01-01")).toEqual({ from: "2026-12-31T16:00:00.000Z", to: "2027-01-01T16:00:00.000Z" })
  })

  it("accepts only real calendar dates", () => {
    for (const ok of ["2026-11-28", "2028-02-29"]) expect(isBusinessDate(ok)).toBe(true)
    for (const bad of ["2026-02-30", "2027-02-29", "2026-13-01", "2026-1-1", "20261128", "2026-11-28T00:00", "", "yesterday"]) expect(isBusinessDate(bad)).toBe(false)
    expect(() => businessDayWindow("2026-02-30")).toThrow(/business date/)
  })

  it("Medusa amounts (raw BigNumber values, strings, numbers in yuan) as fen", () => {
    expect(medusaAmountToFen({ value: "88", precision: 20 })).toBe(8800)
    expect(medusaAmountToFen({ value: "30.500000" })).toBe(3050)
    expect(medusaAmountToFen("0.01")).toBe(1)
    expect(medusaAmountToFen(88.5)).toBe(8850)
    expect(medusaAmountToFen("100.")).toBe(10000)
    expect(() => medusaAmountToFen("1.005")).toThrow()
  })
})
