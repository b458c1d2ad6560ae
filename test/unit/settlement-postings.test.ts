import fc from "fast-check"
import { merchantAccount } from "../../src/modules/settlement/accounts"
import {
  earnedLines,
  Increment,
  JournalLineInput,
  negate,
  pickRate,
  platformBreakageLines,
  redemptionIncrement,
  refundLines,
  saleLines,
  sumLines,
} from "../../src/modules/settlement/posting-rules"

type Op = { kind: "redeem"; amount: number } | { kind: "reverse"; which: number } | { kind: "refund" } | { kind: "expire"; merchantKeeps: boolean }

const voucherArb = fc
  .record({
    face: fc.integer({ min: 100, max: 100_000 }),
    cash: fc.integer({ min: 0, max: 80_000 }),
    points: fc.integer({ min: 0, max: 20_000 }),
    benefit: fc.integer({ min: 0, max: 20_000 }),
    funder: fc.constantFrom("platform", "merchant"),
    bps: fc.integer({ min: 0, max: 3000 }),
  })
  .filter((v) => v.cash + v.points + v.benefit > 0)
const opsArb = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("redeem" as const), amount: fc.integer({ min: 1, max: 100_000 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("reverse" as const), which: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("refund" as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("expire" as const), merchantKeeps: fc.boolean() }) }
  ),
  { maxLength: 25 }
)

/** Plays a voucher's life through the posting rules the way the settlement service does. */
function play(v: { face: number; cash: number; points: number; benefit: number; funder: string; bps: number }, ops: Op[]) {
  const m = "mer_1"
  const sale = v.cash + v.points + v.benefit
  const state = {
    face_value: v.face,
    sale_value: sale,
    merchant_funded: v.funder === "merchant" ? v.benefit : 0,
    gross_posted: 0,
    merchant_funded_posted: 0,
    fixed_commission: 0,
    commission_posted: 0,
  }
  const rate = { id: "r", kind: "percentage" as const, value: v.bps }
  const entries: JournalLineInput[][] = [saleLines(m, { cash: v.cash, points_value: v.points, benefit_value: v.benefit, benefit_funder: v.funder })]
  const merchantLines: Increment[] = []
  const live: { amount: number; inc: Increment }[] = []
  let balance = v.face
  let closed = false
  const apply = (inc: Increment) => {
    state.gross_posted += inc.gross
    state.merchant_funded_posted += inc.merchant_funded
    state.commission_posted += inc.commission
    merchantLines.push(inc)
  }
  for (const op of ops) {
    if (closed) break
    if (op.kind === "redeem") {
      const amount = Math.min(op.amount, balance)
      if (amount === 0) continue
      const redeemedBefore = v.face - balance
      balance -= amount
      const inc = redemptionIncrement(state, redeemedBefore, v.face - balance, rate)
      entries.push(earnedLines(m, inc))
      apply(inc)
      live.push({ amount, inc })
    } else if (op.kind === "reverse") {
      if (!live.length) continue
      const [r] = live.splice(op.which % live.length, 1)
      balance += r.amount
      const inc = { gross: -r.inc.gross, commission: -r.inc.commission, merchant_funded: -r.inc.merchant_funded, net: -r.inc.net }
      entries.push(negate(earnedLines(m, r.inc)))
      apply(inc)
    } else if (op.kind === "refund") {
      const unused = state.sale_value - state.gross_posted
      const f = [balance, v.face] as const
      const cashBack = Math.floor((v.cash * f[0]) / f[1])
      const pointsBack = Math.floor((v.points * f[0]) / f[1])
      const share = sale > 0 ? Math.floor((v.benefit * unused) / sale) : 0
      entries.push(refundLines(m, { unused, cash_back: cashBack, points_back: pointsBack, benefit_back: Math.min(share, Math.max(0, unused - cashBack - pointsBack)), benefit_funder: v.funder }))
      closed = true
    } else {
      if (op.merchantKeeps) {
        const inc = redemptionIncrement(state, 0, v.face, rate)
        entries.push(earnedLines(m, inc))
        apply(inc)
      } else {
        entries.push(platformBreakageLines(m, { unused: state.sale_value - state.gross_posted, merchant_funded_unused: state.merchant_funded - state.merchant_funded_posted }))
      }
      closed = true
    }
  }
  return { entries, merchantLines, state, balance, closed, m, rate }
}

// `+ 0` turns the -0 of a negated empty sum into 0
const accountTotal = (entries: JournalLineInput[][], account: string) => entries.flat().filter((l) => l.account === account).reduce((s, l) => s + l.amount, 0) + 0

describe("settlement postings (property tests over random voucher lives)", () => {
  it("every entry sums to zero, so the trial balance does", () => {
    fc.assert(
      fc.property(voucherArb, opsArb, (v, ops) => {
        const { entries } = play(v, ops)
        for (const e of entries) expect(sumLines(e)).toEqual(0)
        const debit = entries.flat().filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0)
        const credit = -entries.flat().filter((l) => l.amount < 0).reduce((s, l) => s + l.amount, 0)
        expect(debit).toEqual(credit)
      }),
      { numRuns: 500 }
    )
  })

  it("net payable = Σ redeemed gross − commission (rounded down per line) − merchant-funded, to the fen", () => {
    fc.assert(
      fc.property(voucherArb, opsArb, (v, ops) => {
        const { entries, merchantLines, m } = play(v, ops)
        const payable = 0 - accountTotal(entries, merchantAccount("merchant_payable", m))
        const expected = merchantLines.reduce((s, l) => s + l.gross - l.commission - l.merchant_funded, 0)
        expect(payable).toEqual(expected)
        for (const l of merchantLines) {
          if (l.gross >= 0) expect(l.commission).toEqual(Math.floor((l.gross * v.bps) / 10000))
        }
      }),
      { numRuns: 500 }
    )
  })

  it("redemptions post the agreed price pro rata: exact after every redemption, the whole price once fully used, never more", () => {
    fc.assert(
      fc.property(voucherArb, opsArb, (v, ops) => {
        const { state, balance, closed } = play(v, ops)
        const redeemed = v.face - balance
        expect(state.gross_posted).toBeLessThanOrEqual(state.sale_value)
        if (!closed && balance === 0) expect(state.gross_posted).toEqual(state.sale_value)
        // a reversal takes back exactly what its redemption posted, so rounding may drift by a fen per
        // reversal until the next redemption posts the exact cumulative share again
        const reversals = ops.filter((o) => o.kind === "reverse").length
        if (!closed) expect(Math.abs(state.gross_posted - Math.floor((state.sale_value * redeemed) / v.face))).toBeLessThanOrEqual(reversals)
        const lastMove = [...ops].reverse().find((o) => o.kind === "redeem" || o.kind === "reverse")
        if (!closed && lastMove?.kind === "redeem" && redeemed > 0) expect(state.gross_posted).toEqual(Math.floor((state.sale_value * redeemed) / v.face))
      }),
      { numRuns: 500 }
    )
  })

  it("a closed voucher (refunded or expired) leaves nothing deferred; an open one keeps exactly its unused value", () => {
    fc.assert(
      fc.property(voucherArb, opsArb, (v, ops) => {
        const { entries, state, closed, m } = play(v, ops)
        const deferred = 0 - accountTotal(entries, merchantAccount("deferred_revenue", m))
        expect(deferred).toEqual(closed ? 0 : state.sale_value - state.gross_posted)
        // what the merchant funded is settled against its payable as it is used, and cancelled for the unused part
        const receivable = accountTotal(entries, merchantAccount("merchant_discount_receivable", m))
        if (v.funder === "platform") expect(receivable).toEqual(0)
      }),
      { numRuns: 500 }
    )
  })

  it("picks the most specific commission rate in force on the day", () => {
    const rates = [
      { id: "g1", scope_type: "global", scope_id: null, effective_from: "2026-01-01" },
      { id: "g2", scope_type: "global", scope_id: null, effective_from: "2026-12-01" },
      { id: "m", scope_type: "merchant", scope_id: "mer_1", effective_from: "2026-06-01" },
      { id: "c", scope_type: "category", scope_id: "cat_meal", effective_from: "2026-11-01" },
      { id: "p", scope_type: "product", scope_id: "prod_1", effective_from: "2026-11-28" },
    ]
    const on = (date: string, extra: Record<string, unknown> = {}) => pickRate(rates, { business_date: date, merchant_id: "mer_1", ...extra })?.id
    expect(on("2026-05-01")).toEqual("g1")
    expect(on("2026-07-01")).toEqual("m")
    expect(on("2026-11-15", { category_ids: ["cat_meal"] })).toEqual("c")
    expect(on("2026-11-27", { product_id: "prod_1", category_ids: ["cat_meal"] })).toEqual("c")
    expect(on("2026-11-28", { product_id: "prod_1", category_ids: ["cat_meal"] })).toEqual("p")
    expect(pickRate(rates, { business_date: "2026-12-05", merchant_id: "mer_2" })?.id).toEqual("g2")
    expect(pickRate(rates, { business_date: "2025-12-31", merchant_id: "mer_2" })).toBeNull()
  })
})
