import crypto from "node:crypto"

// 11 random digits from the CSPRNG plus a Luhn check digit: 12 digits people can type,
// with every single-digit typo and most transpositions caught before a lookup.
export function luhnCheckDigit(digits: string): number {
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

export function generateVoucherCode(): string {
  let body = String(crypto.randomInt(1, 10)) // no leading zero: codes survive spreadsheets
  for (let i = 0; i < 10; i++) body += String(crypto.randomInt(0, 10))
  return body + String(luhnCheckDigit(body))
}

export function normalizeVoucherCode(input: string): string {
  return input.replace(/[\s-]/g, "")
}

export function isWellFormedVoucherCode(code: string): boolean {
  return /^[0-9]{12}$/.test(code) && luhnCheckDigit(code.slice(0, 11)) === Number(code[11])
}

export const QR_PREFIX = "PALMLIFE:V1:"

export function voucherQrPayload(code: string): string {
  return `${QR_PREFIX}${code}`
}

/** Accepts a typed code or a scanned QR payload. */
export function codeFromInput(input: string): string {
  const trimmed = input.trim()
  return normalizeVoucherCode(trimmed.startsWith(QR_PREFIX) ? trimmed.slice(QR_PREFIX.length) : trimmed)
}
