import "server-only"
import { errorStatus, isNotFound, isUnauthorized, readableError } from "./errors"
import { getSdk } from "./sdk"
import { authHeaders, getAuthToken } from "./session"

// The wallet routes follow Medusa's store convention: amounts in the major unit (¥70 → 70).

export const VOUCHER_STATUSES = ["active", "partially_redeemed", "redeemed", "expired", "refunded", "void"] as const
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number]

export type Named = { id: string; name: string }
export type VoucherStore = Named & { address?: string; city?: string }

export type WalletVoucher = {
  id: string
  code: string
  qr_payload: string
  kind: string
  title: string
  status: VoucherStatus | string
  balance: number
  face_value: number
  currency_code: string
  expires_at: string | null
  merchant: Named | null
  stores: VoucherStore[]
  /** What the scene says about this unit (travel: departure and traveller); newer backends send it. */
  details?: Record<string, any> | null
  valid_from?: string | null
  /** Not promised by the list contract; present when the backend sends it. */
  order_id?: string | null
}

export type WalletRedemption = {
  id: string
  amount: number
  created_at: string
  reversed_at: string | null
  store: Named | null
}

export type WalletVoucherDetail = Omit<WalletVoucher, "order_id"> & {
  usage: "single_use" | "stored_value" | string
  order_id: string | null
  redemptions: WalletRedemption[]
}

const num = (value: unknown): number => {
  const n = typeof value === "number" ? value : Number(value)
  return Number.isFinite(n) ? n : 0
}
const str = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value))
const named = (value: any): Named | null => (value && value.id ? { id: str(value.id), name: str(value.name) } : null)

function toVoucher(raw: any): WalletVoucher {
  return {
    id: str(raw.id),
    code: str(raw.code),
    qr_payload: str(raw.qr_payload),
    kind: str(raw.kind),
    title: str(raw.title),
    status: str(raw.status),
    balance: num(raw.balance),
    face_value: num(raw.face_value),
    currency_code: str(raw.currency_code) || "cny",
    expires_at: raw.expires_at ? str(raw.expires_at) : null,
    ...(raw.details && typeof raw.details === "object" ? { details: raw.details } : {}),
    ...(raw.valid_from ? { valid_from: str(raw.valid_from) } : {}),
    merchant: named(raw.merchant),
    stores: Array.isArray(raw.stores)
      ? raw.stores
          .filter((s: any) => s && s.id)
          .map((s: any) => ({
            id: str(s.id),
            name: str(s.name),
            ...(s.address ? { address: str(s.address) } : {}),
            ...(s.city ? { city: str(s.city) } : {}),
          }))
      : [],
    ...("order_id" in (raw ?? {}) ? { order_id: raw.order_id ? str(raw.order_id) : null } : {}),
  }
}

function toDetail(raw: any): WalletVoucherDetail {
  return {
    ...toVoucher(raw),
    usage: str(raw.usage),
    order_id: raw.order_id ? str(raw.order_id) : null,
    redemptions: Array.isArray(raw.redemptions)
      ? raw.redemptions.map((r: any) => ({
          id: str(r.id),
          amount: num(r.amount),
          created_at: str(r.created_at),
          reversed_at: r.reversed_at ? str(r.reversed_at) : null,
          store: named(r.store),
        }))
      : [],
  }
}

/** The logged-in customer's vouchers, or undefined when nobody is logged in. */
export async function listWalletVouchers(): Promise<WalletVoucher[] | undefined> {
  if (!(await getAuthToken())) return undefined
  try {
    const { vouchers } = await getSdk().client.fetch<{ vouchers: unknown[] }>("/store/wallet/vouchers", {
      headers: await authHeaders(),
    })
    return (vouchers ?? []).map(toVoucher)
  } catch (error) {
    if (isUnauthorized(error)) return undefined
    throw error
  }
}

export type WalletLookup = { kind: "ok"; voucher: WalletVoucherDetail } | { kind: "logged_out" } | { kind: "not_found" }

/** One of the customer's vouchers with its redemption history. */
export async function retrieveWalletVoucher(id: string): Promise<WalletLookup> {
  if (!(await getAuthToken())) return { kind: "logged_out" }
  try {
    const { voucher } = await getSdk().client.fetch<{ voucher: unknown }>(
      `/store/wallet/vouchers/${encodeURIComponent(id)}`,
      { headers: await authHeaders() }
    )
    return voucher ? { kind: "ok", voucher: toDetail(voucher) } : { kind: "not_found" }
  } catch (error) {
    if (isUnauthorized(error)) return { kind: "logged_out" }
    if (isNotFound(error)) return { kind: "not_found" }
    throw error
  }
}

/** Vouchers that can still be used come first, then the rest; newest expiry last within each. */
export function sortVouchers(vouchers: WalletVoucher[]): WalletVoucher[] {
  const usable = (v: WalletVoucher) => (v.status === "active" || v.status === "partially_redeemed" ? 0 : 1)
  return [...vouchers].sort((a, b) => usable(a) - usable(b))
}

export type WalletRefund = {
  voucher_id: string
  order_id: string
  amount: number
  currency_code: string
  /** points that went back to the points account (paid with points) */
  points_refunded: number
  /** points earned on the cash part, taken back with it */
  points_clawed_back: number
  /** the benefit's use given back (its period still open) */
  quota_restored: boolean
}

export type RefundOutcome =
  | { kind: "ok"; refund: WalletRefund }
  | { kind: "logged_out" }
  | { kind: "not_found" }
  | { kind: "refused"; message: string }

/** Refunds a voucher (or its unused balance) to the original payment; refusals come back as values. */
export async function refundWalletVoucher(id: string): Promise<RefundOutcome> {
  if (!(await getAuthToken())) return { kind: "logged_out" }
  try {
    const { refund } = await getSdk().client.fetch<{ refund: any }>(
      `/store/wallet/vouchers/${encodeURIComponent(id)}/refund`,
      { method: "POST", body: {}, headers: await authHeaders() }
    )
    return {
      kind: "ok",
      refund: {
        voucher_id: str(refund?.voucher_id) || id,
        order_id: str(refund?.order_id),
        amount: num(refund?.amount),
        currency_code: str(refund?.currency_code) || "cny",
        points_refunded: num(refund?.points_refunded),
        points_clawed_back: num(refund?.points_clawed_back),
        quota_restored: Boolean(refund?.quota_restored),
      },
    }
  } catch (error) {
    if (isUnauthorized(error)) return { kind: "logged_out" }
    if (isNotFound(error)) return { kind: "not_found" }
    const status = errorStatus(error)
    if (status !== undefined && status >= 400 && status < 500) return { kind: "refused", message: readableError(error) }
    throw error
  }
}
