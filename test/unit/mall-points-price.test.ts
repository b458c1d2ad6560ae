import fc from "fast-check"
import { splitOrderFunding } from "../../src/modules/rights/funding"
import { assertRequiredPoints, planRights, RightsError, RightsLine } from "../../src/modules/rights/rules"
import { deliveryIncrement, platformGoodsLines, sumLines } from "../../src/modules/settlement/posting-rules"
import { pointsPriceOf } from "../../src/workflows/steps/mall-points-price"

const bps = () => 5000
const line = (id: string, total: number, quantity = 1, fixed_points?: number, scene = "mall"): RightsLine => ({
  id, product_id: `p_${id}`, scene, category_ids: [], quantity, total, fixed_points,
})
const codeOf = (f: () => unknown) => {
  try {
    f()
    return null
  } catch (e) {
    return e instanceof RightsError ? e.code : String(e)
  }
}

describe("points-plus-cash prices (¥59 + 2,000 points)", () => {
  it("reads points per unit from variant metadata and ignores anything that is not a positive whole number", () => {
    expect(pointsPriceOf({ points_price: 2000 })).toBe(2000)
    expect(pointsPriceOf({ points_price: "2000" })).toBe(2000)
    for (const bad of [null, undefined, {}, { points_price: -5 }, { points_price: 1.5 }, { points_price: "x" }, { points_price: 0 }]) expect(pointsPriceOf(bad)).toBe(0)
  })

  it("takes exactly the fixed points from a ¥79 (= ¥59 + 2,000 points) line, whatever the scene cap", () => {
    const plan = planRights({ lines: [line("a", 7900 * 2, 2, 4000)], shipping: 1000, benefit: null, points: 4000, balance: 20000, burnBps: () => 0 })
    expect(plan).toMatchObject({ min_points: 4000, max_points: 4000, points_value: 4000, cash_due: 5900 * 2 + 1000 })
    expect(plan.lines[0]).toMatchObject({ points_value: 4000, cash: 11800 })
    expect(() => assertRequiredPoints(plan)).not.toThrow()
  })

  it("refuses fewer points (points_required), more points (points_cap_exceeded) and a short balance (insufficient_points)", () => {
    const lines = [line("a", 7900, 1, 2000)]
    const plan = (points: number, balance = 20000) => planRights({ lines, shipping: 0, benefit: null, points, balance, burnBps: bps })
    expect(codeOf(() => assertRequiredPoints(plan(1999)))).toBe("points_required")
    expect(codeOf(() => assertRequiredPoints(plan(0)))).toBe("points_required")
    expect(codeOf(() => plan(2001))).toBe("points_cap_exceeded")
    expect(codeOf(() => plan(2000, 1999))).toBe("insufficient_points")
  })

  it("with ordinary lines beside it: fixed points first, extra points within the other lines' caps; funding splits the same way", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }),
        (qty, pointsPerUnit, cashPerUnit, otherQty, otherTotal, share) => {
          const lines = [line("pc", (cashPerUnit + pointsPerUnit) * qty, qty, pointsPerUnit * qty), line("o", otherTotal, otherQty, undefined, "meal")]
          const probe = planRights({ lines, shipping: 0, benefit: null, points: 0, balance: 0, burnBps: bps })
          expect(probe.min_points).toBe(pointsPerUnit * qty)
          expect(probe.max_points).toBe(pointsPerUnit * qty + Math.floor(otherTotal / 2))
          const points = probe.min_points + Math.floor((probe.max_points - probe.min_points) * share)
          const plan = planRights({ lines, shipping: 0, benefit: null, points, balance: points, burnBps: bps })
          assertRequiredPoints(plan)
          expect(plan.lines[0].points_value).toBe(pointsPerUnit * qty)
          expect(plan.lines[0].cash).toBe(cashPerUnit * qty)
          expect(plan.lines[1].points_value).toBe(points - pointsPerUnit * qty)
          const split = splitOrderFunding({ lines, shipping: 0, benefit: null, benefit_value: 0, points_value: points, burnBps: bps })
          expect(split.lines.map((l) => [l.points_value, l.cash])).toEqual(plan.lines.map((l) => [l.points_value, l.cash]))
        }
      )
    )
  })

  it("leaves carts without points-plus-cash goods exactly as before (min 0)", () => {
    const plan = planRights({ lines: [line("o", 10000, 1, undefined, "meal")], shipping: 0, benefit: null, points: 0, balance: 0, burnBps: bps })
    expect([plan.min_points, plan.max_points]).toEqual([0, 5000])
    expect(() => assertRequiredPoints(plan)).not.toThrow()
  })
})

describe("mall delivery postings", () => {
  it("commission: percentage rounded down on the gross, fixed per unit; net = gross − commission − merchant-funded", () => {
    expect(deliveryIncrement({ gross: 7900, merchant_funded: 0, units: 1 }, { id: "r", kind: "percentage", value: 600 })).toEqual({ gross: 7900, merchant_funded: 0, commission: 474, net: 7426 })
    expect(deliveryIncrement({ gross: 999, merchant_funded: 100, units: 3 }, { id: "r", kind: "fixed", value: 50 })).toEqual({ gross: 999, merchant_funded: 100, commission: 150, net: 749 })
    expect(() => deliveryIncrement({ gross: -1, merchant_funded: 0, units: 1 }, { id: null, kind: "percentage", value: 0 })).toThrow()
  })

  it("the platform's own goods balance against goods revenue", () => {
    fc.assert(fc.property(fc.nat(1e7), fc.nat(1e7), fc.nat(1e7), (cash, points_value, benefit_value) => {
      const lines = platformGoodsLines({ cash, points_value, benefit_value })
      expect(sumLines(lines)).toBe(0)
      expect(-(lines.find((l) => l.account === "goods_revenue")?.amount ?? 0)).toBe(cash + points_value + benefit_value)
    }))
  })
})
