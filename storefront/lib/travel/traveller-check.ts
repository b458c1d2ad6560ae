// The traveller form's own checks, the same rules the backend applies (it checks again; this only
// spares the shopper a round trip). Pure functions: the form and the unit tests use them.

export const ID_TYPES = ["id_card", "passport", "hk_macau_permit", "home_return_permit", "taiwan_permit"] as const
export type IdType = (typeof ID_TYPES)[number]
export type TravellerType = "adult" | "child" | "senior"
export type TravellerForm = { type: TravellerType; name: string; id_type: IdType; id_number: string; phone: string; single_room: boolean }
export type FieldError = "name" | "id_number" | "id_age" | "phone"

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

function idCardBirth(n: string): string | null {
  if (!/^\d{17}[\dX]$/.test(n)) return null
  const y = Number(n.slice(6, 10)), m = Number(n.slice(10, 12)), d = Number(n.slice(12, 14))
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(n[i]) * WEIGHTS[i]
  return "10X98765432"[sum % 11] === n[17] ? `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}` : null
}

export function idNumberValid(type: IdType, raw: string): boolean {
  const n = raw.replace(/[\s-]/g, "").toUpperCase()
  switch (type) {
    case "id_card":
      return idCardBirth(n) !== null
    case "passport":
      return /^[A-Z0-9]{6,9}$/.test(n) && /\d/.test(n)
    case "hk_macau_permit":
      return /^C(\d{8}|[A-Z]\d{7})$/.test(n)
    case "home_return_permit":
      return /^[HM]\d{8}(\d{2})?$/.test(n)
    case "taiwan_permit":
      return /^\d{8}$/.test(n)
  }
}

function ageOn(birth: string, day: string) {
  const [by, bm, bd] = birth.split("-").map(Number)
  const [y, m, d] = day.split("-").map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** The fields of one traveller that need fixing before booking for `departureDate`. */
export function travellerErrors(t: TravellerForm, departureDate: string | null): FieldError[] {
  const errors: FieldError[] = []
  if (!t.name.trim()) errors.push("name")
  if (!idNumberValid(t.id_type, t.id_number)) errors.push("id_number")
  else if (t.id_type === "id_card" && departureDate) {
    const age = ageOn(idCardBirth(t.id_number.replace(/\s/g, "").toUpperCase())!, departureDate)
    if ((t.type === "child" && age > 13) || (t.type === "senior" && age < 60) || (t.type === "adult" && age < 14)) errors.push("id_age")
  }
  const p = t.phone.replace(/[\s()-]/g, "")
  if (!/^(\+?86)?1[3-9]\d{9}$/.test(p) && !/^\+[1-9]\d{6,14}$/.test(p)) errors.push("phone")
  return errors
}
