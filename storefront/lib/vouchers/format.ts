// Voucher codes and amounts as people see and type them. No floats anywhere near money:
// the terminal API counts in fen (integers), and typed yuan are parsed as strings.

export const QR_PREFIX = "PALMLIFE:V1:"

/** "123456789012" → "1234 5678 9012" (anything else is shown as it is). */
export function groupVoucherCode(code: string): string {
  return /^\d{12}$/.test(code) ? code.replace(/(\d{4})(?=\d)/g, "$1 ") : code
}

/** A typed code ("1234 5678-9012") or a scanned QR payload ("PALMLIFE:V1:…") → the bare code. */
export function codeFromInput(input: string): string {
  const trimmed = input.trim()
  const bare = trimmed.toUpperCase().startsWith(QR_PREFIX) ? trimmed.slice(QR_PREFIX.length) : trimmed
  // Full-width digits (from some Chinese input methods) count as digits.
  return bare.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\-–—]/g, "")
}

function luhnCheckDigit(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export type CodeCheck = "ok" | "empty" | "length" | "digits" | "check_digit"

/** The same rule as the backend: 12 digits, the last one a Luhn check digit. */
export function checkVoucherCode(code: string): CodeCheck {
  if (!code) return "empty"
  if (!/^\d+$/.test(code)) return "digits"
  if (code.length !== 12) return "length"
  return luhnCheckDigit(code.slice(0, 11)) === Number(code[11]) ? "ok" : "check_digit"
}

/** Integer fen → "¥1,234.50" (integer arithmetic only). */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen)) return "¥0.00"
  const value = Math.trunc(fen)
  const sign = value < 0 ? "-" : ""
  const abs = Math.abs(value)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  return `${sign}¥${String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${String(cents).padStart(2, "0")}`
}

export type YuanParse =
  | { ok: true; fen: number }
  | { ok: false; reason: "empty" | "format" | "decimals" | "zero" | "too_large" }

/** Upper bound for a typed amount: ¥1,000,000.00. */
export const MAX_TYPED_FEN = 100_000_000

/**
 * "30" → 3000, "30.5" → 3050, "30.05" → 3005, "¥ 1,000" → 100000; more than two decimals,
 * signs, exponents or anything that is not a plain amount is rejected. String arithmetic only.
 */
export function parseYuanToFen(input: string): YuanParse {
  const cleaned = input
    .trim()
    .replace(/^[¥￥]\s*/, "")
    .replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
  if (!cleaned) return { ok: false, reason: "empty" }
  // Thousands separators are allowed only in their proper places.
  if (cleaned.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(cleaned)) return { ok: false, reason: "format" }
  const plain = cleaned.replace(/,/g, "")
  const match = /^(\d*)(?:\.(\d*))?$/.exec(plain)
  if (!match || (!match[1] && !match[2])) return { ok: false, reason: "format" }
  const [, whole = "", decimals = ""] = match
  if (decimals.length > 2) return { ok: false, reason: "decimals" }
  const wholeDigits = whole.replace(/^0+(?=\d)/, "") || "0"
  if (wholeDigits.length > 7) return { ok: false, reason: "too_large" }
  const fen = Number(wholeDigits) * 100 + Number(decimals.padEnd(2, "0"))
  if (fen === 0) return { ok: false, reason: "zero" }
  if (fen > MAX_TYPED_FEN) return { ok: false, reason: "too_large" }
  return { ok: true, fen }
}

/** Integer fen → "30" / "30.5" / "30.05", the way it would be typed (for prefilling inputs). */
export function fenToYuanInput(fen: number): string {
  const abs = Math.abs(Math.trunc(fen))
  const cents = abs % 100
  const whole = String(Math.floor(abs / 100))
  if (cents === 0) return whole
  return `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`
}
