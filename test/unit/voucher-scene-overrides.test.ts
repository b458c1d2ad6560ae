import fc from "fast-check"
import { refundFraction } from "../../src/lib/voucher-refund-terms"
import { proRataRefundFen } from "../../src/modules/voucher/refund-amount"
import { unitOverrides } from "../../src/modules/voucher/unit-overrides"

describe("voucher overrides from an order line's metadata", () => {
  it("takes the window and merges each unit's details over the shared ones", () => {
    const metadata = {
      voucher: {
        valid_from: "2026-12-01T08:00:00.000Z",
        expires_at: "2026-12-01T12:30:00.000Z",
        details: { film: "Ne Zha 2", hall: "IMAX", units: [{ seat: "F7" }, { seat: "F8", hall: "VIP" }] },
      },
    }
    const first = unitOverrides(metadata, 0)
    const second = unitOverrides(metadata, 1)
    expect(first.valid_from?.toISOString()).toBe("2026-12-01T08:00:00.000Z")
    expect(first.expires_at?.toISOString()).toBe("2026-12-01T12:30:00.000Z")
    expect(first.details).toEqual({ film: "Ne Zha 2", hall: "IMAX", seat: "F7" })
    expect(second.details).toEqual({ film: "Ne Zha 2", hall: "VIP", seat: "F8" })
    // a unit past the list gets the shared details only
    expect(unitOverrides(metadata, 2).details).toEqual({ film: "Ne Zha 2", hall: "IMAX" })
  })

  it("leaves the template's validity alone without overrides or with unreadable dates", () => {
    expect(unitOverrides(null, 0)).toEqual({ details: null })
    expect(unitOverrides({ other: 1 }, 0)).toEqual({ details: null })
    const bad = unitOverrides({ voucher: { valid_from: "not a date", expires_at: 12 } }, 0)
    expect(bad.valid_from).toBeUndefined()
    expect(bad.expires_at).toBeUndefined()
  })
})

describe("refund terms as a share of the unused value", () => {
  it("refunds price × unused share × percent, rounded down, never more than the full pro-rata refund", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        (face, balanceSeed, paid, percent) => {
          const balance = balanceSeed % (face + 1)
          const share = refundFraction(balance, face, percent)
          const refund = proRataRefundFen(paid, share.numerator, share.denominator)
          const exact = (BigInt(paid) * BigInt(balance) * BigInt(percent)) / (BigInt(face) * 100n)
          expect(BigInt(refund)).toBe(exact)
          expect(refund).toBeLessThanOrEqual(proRataRefundFen(paid, balance, face))
          if (percent === 100) expect(refund).toBe(proRataRefundFen(paid, balance, face))
          if (percent === 0) expect(refund).toBe(0)
        }
      )
    )
  })

  it("refuses percentages outside 0–100 or fractional", () => {
    expect(() => refundFraction(100, 100, 101)).toThrow()
    expect(() => refundFraction(100, 100, -1)).toThrow()
    expect(() => refundFraction(100, 100, 50.5)).toThrow()
  })
})
