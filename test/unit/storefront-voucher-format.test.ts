import {
  checkVoucherCode,
  codeFromInput,
  fenToYuanInput,
  formatFen,
  groupVoucherCode,
  parseYuanToFen,
} from "../../storefront/lib/vouchers/format"
import { parseDevice, withinReversalWindow } from "../../storefront/lib/terminal/device"

describe("voucher codes as people type them", () => {
  it("groups 12 digits in fours and leaves anything else alone", () => {
    expect(groupVoucherCode("123456789012")).toEqual("1234 5678 9012")
    expect(groupVoucherCode("12345")).toEqual("12345")
  })

  it("accepts spaces, dashes, full-width digits and the QR payload", () => {
    expect(codeFromInput(" 1234 5678-9012 ")).toEqual("123456789012")
    expect(codeFromInput("PALMLIFE:V1:123456789012")).toEqual("123456789012")
    expect(codeFromInput("１２３４ ５６７８ ９０１２")).toEqual("123456789012")
  })

  it("checks length, digits and the Luhn check digit before asking the server", () => {
    // 7992739871 has Luhn check digit 3 (the textbook example); pad to 11 digits + check.
    expect(checkVoucherCode("")).toEqual("empty")
    expect(checkVoucherCode("12ab")).toEqual("digits")
    expect(checkVoucherCode("1234")).toEqual("length")
    expect(checkVoucherCode("079927398713")).toEqual("ok")
    expect(checkVoucherCode("079927398714")).toEqual("check_digit")
    expect(checkVoucherCode("079927398731")).toEqual("check_digit") // transposition
  })
})

describe("money on the terminal (integer fen)", () => {
  it("formats fen with integer arithmetic", () => {
    expect(formatFen(10000)).toEqual("¥100.00")
    expect(formatFen(7000)).toEqual("¥70.00")
    expect(formatFen(3050)).toEqual("¥30.50")
    expect(formatFen(5)).toEqual("¥0.05")
    expect(formatFen(123456789)).toEqual("¥1,234,567.89")
    expect(formatFen(-3000)).toEqual("-¥30.00")
  })

  it("parses typed yuan into exact fen", () => {
    const fen = (s: string) => {
      const r = parseYuanToFen(s)
      return r.ok ? r.fen : r.reason
    }
    expect(fen("30")).toEqual(3000)
    expect(fen("30.5")).toEqual(3050)
    expect(fen("30.50")).toEqual(3050)
    expect(fen("30.05")).toEqual(3005)
    expect(fen("0.1")).toEqual(10)
    expect(fen(".5")).toEqual(50)
    expect(fen("30.")).toEqual(3000)
    expect(fen("¥ 1,000")).toEqual(100000)
    expect(fen("０３０．５")).toEqual(3050)
    expect(fen("19.99")).toEqual(1999) // 19.99 * 100 is 1998.9999… in floating point
    expect(fen("1.005")).toEqual("decimals")
    expect(fen("30.123")).toEqual("decimals")
    expect(fen("")).toEqual("empty")
    expect(fen("  ")).toEqual("empty")
    expect(fen("0")).toEqual("zero")
    expect(fen("0.00")).toEqual("zero")
    expect(fen("-5")).toEqual("format")
    expect(fen("1e3")).toEqual("format")
    expect(fen("abc")).toEqual("format")
    expect(fen(".")).toEqual("format")
    expect(fen("1,00")).toEqual("format")
    expect(fen("12345678")).toEqual("too_large")
    expect(fen("1000000.01")).toEqual("too_large")
  })

  it("prints fen back the way it would be typed", () => {
    expect([10000, 3050, 3005, 7].map(fenToYuanInput)).toEqual(["100", "30.5", "30.05", "0.07"])
  })
})

describe("paired terminal on the device", () => {
  it("accepts only a complete stored device", () => {
    const good = {
      baseUrl: "http://localhost:9000", keyId: "tk_1", secret: "s", pairedAt: "2026-01-01T00:00:00Z",
      terminal: { id: "t", name: "Till 1" }, store: { id: "s", name: "Main" }, merchant: { id: "m", name: "Golden Dragon" },
    }
    expect(parseDevice(JSON.stringify(good))).toEqual(good)
    expect(parseDevice(JSON.stringify({ ...good, secret: "" }))).toBeUndefined()
    expect(parseDevice(JSON.stringify({ ...good, store: null }))).toBeUndefined()
    expect(parseDevice("{not json")).toBeUndefined()
    expect(parseDevice(null)).toBeUndefined()
  })

  it("offers reversal only inside the 30-minute window", () => {
    const now = Date.parse("2026-01-01T10:00:00Z")
    expect(withinReversalWindow("2026-01-01T09:31:00Z", now)).toBe(true)
    expect(withinReversalWindow("2026-01-01T09:30:00Z", now)).toBe(false)
    expect(withinReversalWindow("garbage", now)).toBe(false)
  })
})
