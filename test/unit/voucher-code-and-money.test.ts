import { codeFromInput, generateVoucherCode, isWellFormedVoucherCode, luhnCheckDigit } from "../../src/lib/voucher-code"
import { fenToMajor, majorToFen } from "../../src/lib/money"
import { decryptSecret, encryptSecret, hmacLookup } from "../../src/lib/secrets"

describe("voucher codes", () => {
  it("computes the Luhn check digit of known numbers", () => {
    // 7992739871 → 3 is the textbook Luhn example
    expect(luhnCheckDigit("7992739871")).toEqual(3)
    expect(luhnCheckDigit("0000000000")).toEqual(0)
  })

  it("generates 12 well-formed digits, all different over many draws", () => {
    const codes = Array.from({ length: 2000 }, generateVoucherCode)
    for (const c of codes) {
      expect(c).toMatch(/^[1-9]\d{11}$/)
      expect(isWellFormedVoucherCode(c)).toBe(true)
    }
    expect(new Set(codes).size).toEqual(codes.length)
  })

  it("catches every single-digit typo and adjacent transposition of different digits", () => {
    const code = generateVoucherCode()
    for (let i = 0; i < 12; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue
        expect(isWellFormedVoucherCode(code.slice(0, i) + d + code.slice(i + 1))).toBe(false)
      }
    }
    for (let i = 0; i < 11; i++) {
      if (code[i] === code[i + 1] || Math.abs(Number(code[i]) - Number(code[i + 1])) === 9) continue // 0↔9 is Luhn's known blind spot
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)
      expect(isWellFormedVoucherCode(swapped)).toBe(false)
    }
  })

  it("reads a scanned QR payload and typed codes with spaces or dashes", () => {
    expect(codeFromInput("PALMLIFE:V1:123456789012")).toEqual("123456789012")
    expect(codeFromInput(" 1234 5678-9012 ")).toEqual("123456789012")
  })
})

describe("money conversion between fen and the store API's yuan", () => {
  it("converts yuan strings to fen exactly, without float rounding", () => {
    expect(majorToFen("88")).toEqual(8800)
    expect(majorToFen("0.29")).toEqual(29) // 0.29 * 100 is 28.999999999999996 in floats
    expect(majorToFen("19.9")).toEqual(1990)
    expect(majorToFen(1.15)).toEqual(115)
    expect(() => majorToFen("1.005")).toThrow()
    expect(() => majorToFen("abc")).toThrow()
  })

  it("round-trips every fen amount up to ¥10,000", () => {
    for (let fen = 0; fen <= 1_000_000; fen += 7) expect(majorToFen(fenToMajor(fen))).toEqual(fen)
  })

  it("refuses non-integer fen", () => {
    expect(() => fenToMajor(1.5)).toThrow()
  })
})

describe("secrets at rest", () => {
  it("encrypts with a fresh IV each time and decrypts back; tampering is detected", () => {
    const a = encryptSecret("t", "123456789012")
    const b = encryptSecret("t", "123456789012")
    expect(a).not.toEqual(b)
    expect(a).not.toContain("123456789012")
    expect(decryptSecret("t", a)).toEqual("123456789012")
    const parts = a.split(".")
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("A") ? "BB" : "AA")
    expect(() => decryptSecret("t", parts.join("."))).toThrow()
    expect(() => decryptSecret("other-purpose", a)).toThrow()
  })

  it("looks codes up by a keyed HMAC that differs per purpose", () => {
    expect(hmacLookup("voucher-code", "1")).toEqual(hmacLookup("voucher-code", "1"))
    expect(hmacLookup("voucher-code", "1")).not.toEqual(hmacLookup("other", "1"))
    expect(hmacLookup("voucher-code", "1")).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe("pro-rata refund of a voucher's unused balance", () => {
  // imported here to keep the refund rule's tests beside the other money rules
  const { proRataRefundFen } = jest.requireActual("../../src/modules/voucher/refund-amount")

  it("returns the full price for an unused voucher and nothing for a used-up one", () => {
    expect(proRataRefundFen(8800, 10000, 10000)).toEqual(8800)
    expect(proRataRefundFen(8800, 0, 10000)).toEqual(0)
    expect(proRataRefundFen(8800, 7000, 10000)).toEqual(6160)
  })

  it("never refunds more than the exact share, and loses less than one fen to rounding", () => {
    for (let paid = 1; paid <= 12000; paid += 997) {
      for (const face of [1, 3, 7, 9999, 10000]) {
        for (let balance = 0; balance <= face; balance += Math.max(1, Math.floor(face / 7))) {
          const r = proRataRefundFen(paid, balance, face)
          expect(r * face).toBeLessThanOrEqual(paid * balance)
          expect((r + 1) * face).toBeGreaterThan(paid * balance)
        }
      }
    }
  })

  it("stays exact where floats would not (beyond 2^53)", () => {
    expect(proRataRefundFen(99_999_999, 99_999_999, 100_000_000)).toEqual(99_999_998)
    expect(() => proRataRefundFen(1, 2, 1)).toThrow()
  })
})
