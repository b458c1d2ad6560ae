import fc from "fast-check"
import { shanghaiDate, shanghaiMidnight } from "../../src/lib/shanghai-time"
import { daysBeforeDeparture, DEFAULT_CANCELLATION_TIERS, refundPercent, tierRefundFen, validateTiers } from "../../src/modules/travel/cancellation"
import { ageOn, checkIdNumber, checkPhone, idCardCheckChar, maskIdNumber, maskPhone } from "../../src/modules/travel/id-documents"
import { placePriceFen, TRAVELLER_TYPES } from "../../src/modules/travel/pricing"
import { checkTraveller } from "../../src/modules/travel/service"
import { departureWindow } from "../../src/modules/travel/booking-line"
import { demoDepartureDates } from "../../src/scripts/seed/travel"
import { datesInRange } from "../../src/api/admin/travel/admin-travel-view"
import { refundFraction } from "../../src/lib/voucher-refund-terms"
import { proRataRefundFen } from "../../src/modules/voucher/refund-amount"

const DAY = 86_400_000
const ymd = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)

// departure dates 2026–2030; "now" any instant from 90 days before to 5 days after
const departureArb = fc.record({ y: fc.integer({ min: 2026, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ y, m, d }) => ymd(y, m, d))
const nowArb = (date: string) => fc.integer({ min: -5 * DAY, max: 90 * DAY }).map((before) => new Date(Date.parse(`${date}T00:00:00+08:00`) - before))
const priceArb = fc.record({
  price_adult: fc.integer({ min: 0, max: 5_000_000 }),
  price_child: fc.integer({ min: 0, max: 5_000_000 }),
  price_senior: fc.integer({ min: 0, max: 5_000_000 }),
  single_supplement: fc.integer({ min: 0, max: 1_000_000 }),
})
const partyArb = fc.array(fc.record({ type: fc.constantFrom(...TRAVELLER_TYPES), single: fc.boolean() }), { minLength: 1, maxLength: 9 })

/** Independent statement of the default policy: whole Shanghai days before the departure day. */
function expectedPercent(date: string, now: Date) {
  const local = new Date(now.getTime() + 8 * 3600_000)
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - today) / DAY)
  return days >= 30 ? 100 : days >= 7 ? 50 : 0
}

describe("travel cancellation tiers (property)", () => {
  it("days before departure count Asia/Shanghai calendar days, whatever the hour", () => {
    fc.assert(
      fc.property(departureArb, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: DAY - 1 }), (date, daysBefore, ms) => {
        const [y, m, d] = date.split("-").map(Number)
        const now = new Date(shanghaiMidnight(y, m, d - daysBefore).getTime() + ms)
        return daysBeforeDeparture(date, now) === daysBefore
      })
    )
    // 23:59 in Shanghai is still the same day; 16:00 UTC is already the next one
    expect(daysBeforeDeparture("2026-12-31", new Date("2026-12-01T15:59:59Z"))).toEqual(30)
    expect(daysBeforeDeparture("2026-12-31", new Date("2026-12-01T16:00:00Z"))).toEqual(29)
  })

  it("the default tiers refund 100% from 30 days, 50% from 7 to 29 days, nothing under 7 days", () => {
    fc.assert(fc.property(departureArb.chain((date) => fc.tuple(fc.constant(date), nowArb(date))), ([date, now]) => refundPercent(DEFAULT_CANCELLATION_TIERS, daysBeforeDeparture(date, now)) === expectedPercent(date, now)))
    expect([30, 29, 7, 6, 0].map((d) => refundPercent(null, d))).toEqual([100, 50, 50, 0, 0])
  })

  it("a party's refund is each place's price × its tier, rounded down per place, to the fen", () => {
    fc.assert(
      fc.property(priceArb, partyArb, departureArb.chain((date) => fc.tuple(fc.constant(date), nowArb(date))), (prices, party, [date, now]) => {
        const pct = refundPercent(null, daysBeforeDeparture(date, now))
        const paid = party.map((t) => placePriceFen(prices, t.type, t.single))
        const refunds = paid.map((p) => tierRefundFen(p, pct))
        const total = paid.reduce((a, b) => a + b, 0)
        const back = refunds.reduce((a, b) => a + b, 0)
        // exact against BigInt, never more than paid, the rounding loss under 1 fen a place
        refunds.forEach((r, i) => expect(BigInt(r)).toEqual((BigInt(paid[i]) * BigInt(pct)) / 100n))
        expect(back).toBeLessThanOrEqual(total)
        expect(total * pct - back * 100).toBeGreaterThanOrEqual(0)
        expect(total * pct - back * 100).toBeLessThan(100 * party.length)
        if (pct === 100) expect(back).toEqual(total)
        if (pct === 0) expect(back).toEqual(0)
        return true
      })
    )
  })

  it("the voucher refund path (percent of an unused place's voucher, any face value) pays exactly the tier amount", () => {
    fc.assert(
      fc.property(priceArb, partyArb, fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: -3, max: 60 }), (prices, party, face, days) => {
        const pct = refundPercent(null, days)
        for (const t of party) {
          const paid = placePriceFen(prices, t.type, t.single)
          const share = refundFraction(face, face, pct) // unused: balance = face value
          expect(proRataRefundFen(paid, share.numerator, share.denominator)).toEqual(tierRefundFen(paid, pct))
        }
        return true
      })
    )
  })

  it("an earlier cancellation never gets back less (monotone), for any valid tier table", () => {
    const tiersArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 5 })
      .chain((days) => fc.array(fc.integer({ min: 0, max: 100 }), { minLength: days.length, maxLength: days.length }).map((ps) => {
        const sortedDays = [...days].sort((a, b) => b - a)
        const sortedPs = [...ps].sort((a, b) => b - a)
        return sortedDays.map((min_days, i) => ({ min_days, percent: sortedPs[i] }))
      }))
    fc.assert(fc.property(tiersArb, fc.integer({ min: 0, max: 200 }), (tiers, d) => {
      expect(validateTiers(tiers)).toBeNull()
      return refundPercent(tiers, d + 1) >= refundPercent(tiers, d)
    }))
    expect(validateTiers([{ min_days: 7, percent: 20 }, { min_days: 30, percent: 10 }])).toMatch(/cannot refund more/)
  })

  it("prices: single supplement for adults and seniors who room alone, never for children", () => {
    fc.assert(fc.property(priceArb, fc.constantFrom(...TRAVELLER_TYPES), fc.boolean(), (p, type, single) => {
      const base = type === "adult" ? p.price_adult : type === "child" ? p.price_child : p.price_senior
      return placePriceFen(p, type, single) === base + (single && type !== "child" ? p.single_supplement : 0)
    }))
  })
})

describe("traveller documents", () => {
  const idFor = (prefix: string, birth: string, seq: string) => prefix + birth + seq + idCardCheckChar(prefix + birth + seq)

  it("accepts every ID card number with a real birth date and its check character, and refuses any single-character change", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1920-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), (birth, seq) => {
        const n = idFor("440305", birth.toISOString().slice(0, 10).replace(/-/g, ""), String(seq).padStart(3, "0"))
        expect(checkIdNumber("id_card", n)).toMatchObject({ ok: true, number: n })
        const wrong = n.slice(0, 17) + "10X98765432".split("").find((c) => c !== n[17])
        expect(checkIdNumber("id_card", wrong).ok).toBe(false)
        return true
      })
    )
    expect(checkIdNumber("id_card", "11010519491231002X")).toMatchObject({ ok: true, birth_date: "1949-12-31" })
    expect(checkIdNumber("id_card", idFor("110105", "19880230", "001")).ok).toBe(false) // 30 February
    expect(checkIdNumber("id_card", "12345").ok).toBe(false)
  })

  it("checks passports and permits by shape", () => {
    expect(checkIdNumber("passport", "E12345678").ok).toBe(true)
    expect(checkIdNumber("passport", "ABCDEFG").ok).toBe(false)
    expect(checkIdNumber("hk_macau_permit", "C12345678").ok).toBe(true)
    expect(checkIdNumber("hk_macau_permit", "X1234567").ok).toBe(false)
    expect(checkIdNumber("home_return_permit", "H12345678").ok).toBe(true)
    expect(checkIdNumber("taiwan_permit", "12345678").ok).toBe(true)
    expect(checkIdNumber("taiwan_permit", "1234567").ok).toBe(false)
  })

  it("masks keep only the ends: no masked ID or phone reveals more than 10 of its characters", () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9A-Z]{6,18}$/), (n) => {
      const m = maskIdNumber(n)
      expect(m).toHaveLength(n.length)
      expect(m.replace(/\*/g, "").length).toBeLessThanOrEqual(10)
      expect(m).toMatch(/\*{2,}/)
      return true
    }))
    expect(maskIdNumber("11010519491231002X")).toEqual("110105********002X")
    expect(maskPhone("13800138000")).toEqual("138****8000")
    expect(checkPhone("+86 138 0013 8000")).toBe(true)
    expect(checkPhone("12345")).toBe(false)
  })

  it("traveller types follow the age on the departure day (child under 14, senior 60+)", () => {
    const t = (type: any, birth: string) => ({ type, name: "測試", id_type: "id_card" as const, id_number: idFor("110105", birth, "001"), phone: "13800138000" })
    expect(ageOn("2012-06-02", "2026-06-01")).toEqual(13)
    expect(ageOn("2012-06-01", "2026-06-01")).toEqual(14)
    expect(() => checkTraveller(t("child", "20120602"), "2026-06-01")).not.toThrow()
    expect(() => checkTraveller(t("child", "20120601"), "2026-06-01")).toThrow(expect.objectContaining({ code: "traveller_type_mismatch" }))
    expect(() => checkTraveller(t("senior", "19660601"), "2026-06-01")).not.toThrow()
    expect(() => checkTraveller(t("senior", "19660602"), "2026-06-01")).toThrow(expect.objectContaining({ code: "traveller_type_mismatch" }))
    const good = t("adult", "19800101")
    const typo = good.id_number.slice(0, 16) + ((Number(good.id_number[16]) + 1) % 10) + good.id_number[17]
    expect(() => checkTraveller({ ...good, id_number: typo }, "2026-06-01")).toThrow(expect.objectContaining({ code: "invalid_id_number" }))
  })
})

describe("departure dates and windows", () => {
  it("a voucher is valid for exactly the departure day in Asia/Shanghai", () => {
    fc.assert(fc.property(departureArb, (date) => {
      const w = departureWindow(date)
      expect(Date.parse(w.expires_at) - Date.parse(w.valid_from)).toEqual(DAY)
      expect(shanghaiDate(new Date(w.valid_from))).toEqual(date)
      expect(shanghaiDate(new Date(Date.parse(w.expires_at) - 1))).toEqual(date)
      return true
    }))
  })

  it("bulk ranges and demo calendars list each chosen weekday once, in order, inside the range", () => {
    fc.assert(fc.property(departureArb, fc.integer({ min: 0, max: 100 }), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }), (from, len, weekdays) => {
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + len * DAY).toISOString().slice(0, 10)
      const dates = datesInRange(from, to, weekdays)
      expect([...dates].sort()).toEqual(dates)
      expect(new Set(dates).size).toEqual(dates.length)
      expect(dates.every((d) => d >= from && d <= to)).toBe(true)
      if (!weekdays.length) expect(dates).toHaveLength(len + 1)
      return true
    }))
    const demo = demoDepartureDates(new Date("2026-11-28T20:00:00Z"), 60, []) // already 29 Nov in Shanghai
    expect(demo[0]).toEqual("2026-11-30")
    expect(demo).toHaveLength(60)
  })
})
