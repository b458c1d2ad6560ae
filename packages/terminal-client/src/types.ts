// Wire types of /terminal/v1 (ARCHITECTURE.md §5). Amounts are integers in fen.
export type VoucherKind = "meal" | "movie" | "travel" | "mall"
export type VoucherStatus = "active" | "partially_redeemed" | "redeemed" | "expired" | "refunded" | "void"

export type TerminalVoucher = {
  id: string
  kind: VoucherKind
  title: string
  usage: "single_use" | "stored_value"
  status: VoucherStatus
  face_value: number
  balance: number
  currency_code: string
  valid_from: string | null
  expires_at: string | null
}

export type VerifiedVoucher = TerminalVoucher & { redeemable: boolean; reason?: TerminalErrorCode; reason_message?: string }

export type TerminalRedemption = {
  id: string
  voucher_id: string
  store_id: string
  terminal_id: string
  amount: number
  created_at: string
  reversed_at: string | null
  voucher?: { id: string; title: string; kind: VoucherKind }
}

export type TerminalErrorCode =
  | "unauthorized" | "forbidden" | "invalid_request" | "voucher_not_found" | "voucher_already_redeemed"
  | "voucher_expired" | "voucher_not_yet_valid" | "voucher_refunded" | "insufficient_balance"
  | "not_valid_at_this_store" | "reversal_window_closed" | "redemption_not_found"
  | "redemption_already_reversed" | "idempotency_conflict" | "rate_limited" | "internal_error"

export type TerminalError = { code: TerminalErrorCode; message: string }

export type TerminalResponse<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: TerminalError }

export type PairingResult = {
  terminal: { id: string; key_id: string; secret: string; name: string }
  store: { id: string; name: string }
  merchant: { id: string; name: string }
}
