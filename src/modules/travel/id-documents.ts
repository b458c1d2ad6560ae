/**
 * Traveller identity documents: which kinds a tour operator accepts, how a number of each kind must
 * look, and how it is shown (masked) once stored. Pure functions: the store API, the service and the
 * property tests share them.
 */
export const ID_TYPES = ["id_card", "passport", "hk_macau_permit", "home_return_permit", "taiwan_permit"] as const
export type IdType = (typeof ID_TYPES)[number]

export const ID_TYPE_LABELS: Record<IdType, { zh: string; en: string }> = {
  id_card: { zh: "居民身份證", en: "Resident ID card" },
  passport: { zh: "護照", en: "Passport" },
  hk_macau_permit: { zh: "往來港澳通行證", en: "Exit-entry permit for HK/Macau" },
  home_return_permit: { zh: "港澳居民來往內地通行證", en: "Home return permit" },
  taiwan_permit: { zh: "台灣居民來往大陸通行證", en: "Mainland travel permit for Taiwan residents" },
}

const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CARD_CHECK = "10X98765432"

/** The GB 11643-1999 check character of the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CARD_WEIGHTS[i]
  return ID_CARD_CHECK[sum % 11]
}

/** "YYYY-MM-DD" of a valid date, or null. */
function calendarDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
}

export function normaliseIdNumber(idType: IdType, raw: string): string {
  const compact = raw.replace(/[\s-]/g, "").toUpperCase()
  return idType === "taiwan_permit" ? compact : compact
}

export type IdCheck = { ok: true; number: string; birth_date?: string } | { ok: false; reason: string }

/** Checks the shape (and for ID cards the birth date and the check character) of a document number. */
export function checkIdNumber(idType: IdType, raw: string): IdCheck {
  const n = normaliseIdNumber(idType, raw)
  switch (idType) {
    case "id_card": {
      if (!/^\d{17}[\dX]$/.test(n)) return { ok: false, reason: "An ID card number has 17 digits and a final digit or X." }
      const birth = calendarDate(Number(n.slice(6, 10)), Number(n.slice(10, 12)), Number(n.slice(12, 14)))
      if (!birth || Number(n.slice(6, 10)) < 1900) return { ok: false, reason: "The birth date inside the ID card number is not a real date." }
      if (idCardCheckChar(n.slice(0, 17)) !== n[17]) return { ok: false, reason: "The ID card number's check character does not match; please check for a typo." }
      return { ok: true, number: n, birth_date: birth }
    }
    case "passport":
      // Chinese passports are E/G + 8 digits or EA-style; foreign passports vary, 6–9 letters and digits
      return /^[A-Z0-9]{6,9}$/.test(n) && /\d/.test(n) ? { ok: true, number: n } : { ok: false, reason: "A passport number has 6 to 9 letters and digits." }
    case "hk_macau_permit":
      // C + 8 digits (older: C + letter + 7 digits)
      return /^C(\d{8}|[A-Z]\d{7})$/.test(n) ? { ok: true, number: n } : { ok: false, reason: "An exit-entry permit number is C followed by 8 characters." }
    case "home_return_permit":
      return /^[HM]\d{8}(\d{2})?$/.test(n) ? { ok: true, number: n } : { ok: false, reason: "A home return permit number is H or M followed by 8 or 10 digits." }
    case "taiwan_permit":
      return /^\d{8}$/.test(n) ? { ok: true, number: n } : { ok: false, reason: "A Taiwan resident permit number has 8 digits." }
  }
}

/** Shows the first and last few characters only: 110105********123X, E1****678. */
export function maskIdNumber(n: string): string {
  if (n.length <= 4) return "*".repeat(n.length)
  const head = n.length >= 15 ? 6 : n.length >= 8 ? 2 : 1
  const tail = n.length >= 15 ? 4 : 3
  return n.slice(0, head) + "*".repeat(n.length - head - tail) + n.slice(-tail)
}

export function normalisePhone(raw: string): string {
  return raw.replace(/[\s()-]/g, "")
}

/** Mainland mobile (11 digits starting 1), optionally +86; or an international number in E.164. */
export function checkPhone(raw: string): boolean {
  const p = normalisePhone(raw)
  return /^(\+?86)?1[3-9]\d{9}$/.test(p) || /^\+[1-9]\d{6,14}$/.test(p)
}

export function maskPhone(raw: string): string {
  const p = normalisePhone(raw)
  if (p.length < 7) return "*".repeat(p.length)
  return p.slice(0, p.length - 8) + "****" + p.slice(-4)
}

/** Whole years between a birth date and a day (both "YYYY-MM-DD"). */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split("-").map(Number)
  const [y, m, d] = day.split("-").map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

export const CHILD_MAX_AGE = 13 // under 14 on the departure day
export const SENIOR_MIN_AGE = 60
