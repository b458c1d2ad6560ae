// Reconciliation of a business day's card money: what Medusa recorded (captures and refunds of
// card payments) against what the payment provider booked (balance transactions). Pure: the
// workflow loads both sides, this pairs them. Amounts are integers in fen.
import { majorToFen } from "../../lib/money"
import { shanghaiMidnight } from "../../lib/shanghai-time"

export type MovementKind = "capture" | "refund"

/** A capture or refund Medusa's payment module recorded on a card payment. */
export type OurMovement = {
  kind: MovementKind
  id: string // capt_… / ref_…
  payment_id: string
  payment_intent: string
  order_id: string | null
  currency_code: string
  amount: number // fen, positive
  created_at: string // ISO
}

/** A balance transaction the provider booked for a charge (capture) or a refund. */
export type ProviderMovement = {
  kind: MovementKind
  balance_transaction: string // txn_…
  source: string // ch_… / re_…
  payment_intent: string | null
  currency_code: string
  amount: number // fen, positive (a refund's transaction amount is negative at the provider)
  created_at: string // ISO
}

export type Differing = {
  kind: MovementKind
  payment_intent: string
  order_id: string | null
  ours: OurMovement
  theirs: ProviderMovement
  difference: number // fen, theirs − ours
}

export type ReconciliationResult = {
  summary: { matched: number; missing: number; extra: number; differing: number }
  /** ours, not at the provider */
  missing: OurMovement[]
  /** the provider's, not ours (with our order when we know its PaymentIntent) */
  extra: (ProviderMovement & { order_id: string | null })[]
  /** on both sides, amounts differ */
  differing: Differing[]
}

const BUSINESS_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** "YYYY-MM-DD" naming a real calendar day (2026-02-30 is not one). */
export function isBusinessDate(value: string): boolean {
  const m = BUSINESS_DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === value
}

/** The instants an Asia/Shanghai business day spans: [from, to). */
export function businessDayWindow(businessDate: string): { from: string; to: string } {
  const m = BUSINESS_DATE.exec(businessDate)
  if (!m || !isBusinessDate(businessDate)) throw new Error(`not a business date (YYYY-MM-DD): ${businessDate}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const from = shanghaiMidnight(y, mo, d)
  const to = new Date(from.getTime() + 24 * 60 * 60 * 1000) // Shanghai has no DST: a day is 24 h
  return { from: from.toISOString(), to: to.toISOString() }
}

/**
 * Medusa's amount (a BigNumber's raw value, a numeric string or a number, in yuan) as fen. Only
 * trailing zeros of the fraction are dropped here ("88.500000" → "88.5"); the conversion is money.ts'.
 */
export function medusaAmountToFen(value: unknown): number {
  const raw = value && typeof value === "object" && "value" in (value as any) ? (value as any).value : value
  let text = typeof raw === "number" ? raw.toString() : String(raw ?? "").trim()
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "")
  return majorToFen(text)
}

const groupKey = (m: { kind: MovementKind; payment_intent: string | null; currency_code: string }) =>
  `${m.kind}|${m.payment_intent}|${m.currency_code.toLowerCase()}`

const byTime = <T extends { created_at: string }>(key: (m: T) => string) => (a: T, b: T) =>
  a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
const oursInOrder = byTime<OurMovement>((m) => m.id)
const theirsInOrder = byTime<ProviderMovement>((m) => m.balance_transaction)

/**
 * Pairs each of our movements with one of the provider's: same kind, same PaymentIntent, same
 * currency. Within such a group (a PaymentIntent can be refunded several times) equal amounts pair
 * first, in time order; what is left pairs in time order as differing amounts; anything still left
 * is missing (ours) or extra (theirs). A provider movement without a PaymentIntent is always extra.
 */
export function reconcile(ours: OurMovement[], theirs: ProviderMovement[]): ReconciliationResult {
  const groups = new Map<string, { ours: OurMovement[]; theirs: ProviderMovement[] }>()
  const group = (key: string) => {
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { ours: [], theirs: [] }))
    return g
  }
  const extra: ProviderMovement[] = []
  for (const o of ours) group(groupKey(o)).ours.push(o)
  for (const t of theirs) {
    if (!t.payment_intent) extra.push(t)
    else group(groupKey(t)).theirs.push(t)
  }

  let matched = 0
  const missing: OurMovement[] = []
  const differing: Differing[] = []
  for (const g of groups.values()) {
    const left = [...g.ours].sort(oursInOrder)
    const right = [...g.theirs].sort(theirsInOrder)
    const unpairedOurs: OurMovement[] = []
    for (const o of left) {
      const at = right.findIndex((t) => t.amount === o.amount)
      if (at >= 0) {
        right.splice(at, 1)
        matched++
      } else {
        unpairedOurs.push(o)
      }
    }
    const pairs = Math.min(unpairedOurs.length, right.length)
    for (let i = 0; i < pairs; i++) {
      const o = unpairedOurs[i]
      const t = right[i]
      differing.push({ kind: o.kind, payment_intent: o.payment_intent, order_id: o.order_id, ours: o, theirs: t, difference: t.amount - o.amount })
    }
    missing.push(...unpairedOurs.slice(pairs))
    extra.push(...right.slice(pairs))
  }

  const orderOfIntent = new Map<string, string>()
  for (const o of ours) if (o.order_id) orderOfIntent.set(o.payment_intent, o.order_id)
  missing.sort(oursInOrder)
  extra.sort(theirsInOrder)
  differing.sort((a, b) => oursInOrder(a.ours, b.ours))
  return {
    summary: { matched, missing: missing.length, extra: extra.length, differing: differing.length },
    missing,
    extra: extra.map((t) => ({ ...t, order_id: (t.payment_intent && orderOfIntent.get(t.payment_intent)) || null })),
    differing,
  }
}
