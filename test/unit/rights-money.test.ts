import fc from "fast-check"
import { pointsExpiryFor, shanghaiDate, shanghaiIsoWeek } from "../../src/lib/shanghai-time"
import { splitOrderFunding } from "../../src/modules/rights/funding"
import { periodKey } from "../../src/modules/rights/period"
import {
  allocate,
  BenefitRule,
  clawbackTarget,
  planRights,
  pointsEarned,
  proRata,
  RightsError,
  RightsLine,
  unitShare,
} from "../../src/modules/rights/rules"

const SCENES = ["meal", "movie", "mall", "travel"]

const lineArb = fc.record({
  scene: fc.constantFrom(...SCENES),
  quantity: fc.integer({ min: 1, max: 5 }),
  total: fc.integer({ min: 1, max: 5_000_000 }),
})
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 5 }).map((ls) =>
  ls.map((l, i): RightsLine => ({ id: `line_${i}`, product_id: `prod_${i}`, scene: l.scene, category_ids: [`cat_${l.scene}`], quantity: l.quantity, total: l.total }))
)
const ruleArb: fc.Arbitrary<BenefitRule> = fc.oneof(
  fc.record({ id: fc.constant("b"), scope_type: fc.constant("scene" as const), scope_value: fc.constantFrom(...SCENES), kind: fc.constant("fixed_price" as const), value: fc.integer({ min: 1, max: 100_000 }), cap: fc.constant(null) }),
  fc.record({ id: fc.constant("b"), scope_type: fc.constant("scene" as const), scope_value: fc.constantFrom(...SCENES), kind: fc.constant("percent_off" as const), value: fc.integer({ min: 1, max: 10_000 }), cap: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: null }) }),
  fc.record({ id: fc.constant("b"), scope_type: fc.constant("category" as const), scope_value: fc.constantFrom(...SCENES.map((s) => `cat_${s}`)), kind: fc.constant("amount_off" as const), value: fc.integer({ min: 1, max: 500_000 }), cap: fc.constant(null) })
)
const bpsArb = fc.record({ meal: fc.integer({ min: 0, max: 10_000 }), movie: fc.integer({ min: 0, max: 10_000 }), mall: fc.integer({ min: 0, max: 10_000 }), travel: fc.integer({ min: 0, max: 10_000 }) })

/** A valid plan for random lines, benefit (or none), points share and scene caps. */
const planArb = fc
  .record({ lines: linesArb, shipping: fc.integer({ min: 0, max: 5000 }), rule: fc.option(ruleArb, { nil: null }), share: fc.double({ min: 0, max: 1, noNaN: true }), bps: bpsArb })
  .map(({ lines, shipping, rule, share, bps }) => {
    const burnBps = (scene: string | null) => (bps as any)[scene ?? "meal"]
    const probe = (benefit: BenefitRule | null) => planRights({ lines, shipping, benefit, points: 0, balance: 0, burnBps })
    let benefit = rule
    try {
      probe(benefit)
    } catch {
      benefit = null // the benefit applies to nothing in these lines
    }
    const max = probe(benefit).max_points
    const points = Math.floor(max * share)
    return { lines, shipping, benefit, burnBps, points, plan: planRights({ lines, shipping, benefit, points, balance: points, burnBps }) }
  })

const isFen = (n: number) => Number.isSafeInteger(n) && n >= 0

describe("rights money rules (property tests)", () => {
  it("cash + points value + benefit value = the total, per line and per order, each part whole fen ≥ 0", () => {
    fc.assert(
      fc.property(planArb, ({ lines, shipping, points, plan }) => {
        for (const [i, l] of plan.lines.entries()) {
          expect([isFen(l.cash), isFen(l.points_value), isFen(l.benefit_value)]).toEqual([true, true, true])
          expect(l.cash + l.points_value + l.benefit_value).toEqual(lines[i].total)
        }
        const sum = (k: "cash" | "points_value" | "benefit_value") => plan.lines.reduce((s, l) => s + l[k], 0)
        expect(sum("points_value")).toEqual(points)
        expect(sum("benefit_value")).toEqual(plan.benefit_value)
        expect(plan.cash_due).toEqual(sum("cash") + shipping)
        expect(plan.cash_due + plan.points_value + plan.benefit_value).toEqual(plan.items_total + shipping)
      }),
      { numRuns: 400 }
    )
  })

  it("never lets points pay more than each scene's cap of what is left after the benefit", () => {
    fc.assert(
      fc.property(planArb, ({ lines, burnBps, plan }) => {
        const cap = plan.lines.reduce((s, l, i) => s + Math.floor(((l.total - l.benefit_value) * burnBps(lines[i].scene)) / 10000), 0)
        expect(plan.points_value).toBeLessThanOrEqual(cap)
        expect(plan.max_points).toEqual(cap)
      }),
      { numRuns: 300 }
    )
  })

  it("refuses more points than the balance or the cap, and negative or fractional points", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 1000 }), ({ lines, shipping, benefit, burnBps, plan }, extra) => {
        const attempt = (points: number, balance: number) => {
          try {
            planRights({ lines, shipping, benefit, points, balance, burnBps })
            return "ok"
          } catch (e) {
            return (e as RightsError).code
          }
        }
        expect(attempt(plan.max_points + extra, plan.max_points + extra)).toEqual("points_cap_exceeded")
        if (plan.max_points > 0) expect(attempt(plan.max_points, plan.max_points - 1)).toEqual("insufficient_points")
        expect(attempt(-extra, 10)).toEqual("invalid_request")
        expect(attempt(0.5, 10)).toEqual("invalid_request")
      }),
      { numRuns: 200 }
    )
  })

  it("splits an order exactly as its cart was planned (what the customer saw is what the order records)", () => {
    fc.assert(
      fc.property(planArb, ({ lines, shipping, benefit, burnBps, plan }) => {
        const split = splitOrderFunding({ lines, shipping, benefit, benefit_value: plan.benefit_value, points_value: plan.points_value, burnBps })
        expect(split.lines.map((l) => [l.cash, l.points_value, l.benefit_value])).toEqual(plan.lines.map((l) => [l.cash, l.points_value, l.benefit_value]))
        expect(split.cash_paid).toEqual(plan.cash_due)
        expect(split.earn).toEqual(Math.floor(plan.cash_due / 100))
      }),
      { numRuns: 300 }
    )
  })

  it("refunds give each funder back exactly what it paid when every unit is refunded, and never more for any subset", () => {
    fc.assert(
      fc.property(
        fc.record({
          cash: fc.integer({ min: 0, max: 10_000_000 }),
          points: fc.integer({ min: 0, max: 10_000_000 }),
          quantity: fc.integer({ min: 1, max: 12 }),
        }),
        fc.array(fc.record({ refund: fc.boolean(), used: fc.integer({ min: 0, max: 100 }) }), { minLength: 12, maxLength: 12 }),
        ({ cash, points, quantity }, units) => {
          let cashBack = 0
          let pointsBack = 0
          let fullCash = 0
          let fullPoints = 0
          for (let k = 0; k < quantity; k++) {
            fullCash += unitShare(cash, quantity, k)
            fullPoints += unitShare(points, quantity, k)
            if (!units[k].refund) continue
            // a stored-value voucher with `used`% spent refunds the unused share
            const face = 100
            cashBack += proRata(unitShare(cash, quantity, k), face - units[k].used, face)
            pointsBack += proRata(unitShare(points, quantity, k), face - units[k].used, face)
          }
          expect([fullCash, fullPoints]).toEqual([cash, points])
          expect(cashBack).toBeLessThanOrEqual(cash)
          expect(pointsBack).toBeLessThanOrEqual(points)
          expect([isFen(cashBack), isFen(pointsBack)]).toEqual([true, true])
        }
      ),
      { numRuns: 400 }
    )
  })

  it("claws back earned points in proportion to the cash refunded, all of them once all cash is back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 10 }), (paid, refunds) => {
        const earned = pointsEarned(paid)
        let refunded = 0
        let prev = 0
        for (const r of refunds) {
          refunded = Math.min(paid, refunded + r)
          const target = clawbackTarget(earned, refunded, paid)
          expect(target).toBeGreaterThanOrEqual(prev)
          expect(target).toBeLessThanOrEqual(earned)
          prev = target
        }
        expect(clawbackTarget(earned, paid, paid)).toEqual(earned)
      })
    )
  })

  it("allocates amounts exactly, in proportion, within capacities", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, share) => {
        const room = weights.reduce((s, w) => s + w, 0)
        const amount = Math.floor(room * share)
        const parts = allocate(amount, weights)
        expect(parts.reduce((s, p) => s + p, 0)).toEqual(amount)
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0)
          expect(p).toBeLessThanOrEqual(weights[i])
          // within one fen of the exact proportional share
          if (room > 0) expect(Math.abs(p - (amount * weights[i]) / room)).toBeLessThan(1 + 1e-9)
        })
      }),
      { numRuns: 400 }
    )
  })
})

describe("rights calendar (Asia/Shanghai)", () => {
  it("keys quota periods by the Shanghai day, ISO week and month", () => {
    // 2026-11-30 23:30 Shanghai is still Monday the 30th; 16:00 UTC is already 1 December there
    expect(periodKey("day", new Date("2026-11-30T15:30:00Z"))).toEqual("2026-11-30")
    expect(periodKey("day", new Date("2026-11-30T16:00:00Z"))).toEqual("2026-12-01")
    expect(periodKey("month", new Date("2026-11-30T16:00:00Z"))).toEqual("2026-12")
    expect(shanghaiIsoWeek(new Date("2026-11-28T04:00:00Z"))).toEqual("2026-W48")
    // ISO weeks cross years: 2027-01-01 (Friday) is in 2026-W53
    expect(shanghaiIsoWeek(new Date("2027-01-01T04:00:00Z"))).toEqual("2026-W53")
    expect(shanghaiIsoWeek(new Date("2024-12-30T04:00:00Z"))).toEqual("2025-W01")
    expect(shanghaiDate(new Date("2026-12-31T16:30:00Z"))).toEqual("2027-01-01")
  })

  it("expires points when the year after the one they were earned in ends, Shanghai time", () => {
    expect(pointsExpiryFor(new Date("2026-05-01T00:00:00Z")).toISOString()).toEqual("2027-12-31T16:00:00.000Z")
    // earned at 00:30 on 1 Jan 2027 in Shanghai (still 2026 in UTC): a 2027 earning
    expect(pointsExpiryFor(new Date("2026-12-31T16:30:00Z")).toISOString()).toEqual("2028-12-31T16:00:00.000Z")
  })
})
