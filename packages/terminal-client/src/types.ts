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
  | "statement_not_found"

export type TerminalError = { code: TerminalErrorCode; message: string }

export type TerminalResponse<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: TerminalError }

export type PairingResult = {
  terminal: { id: string; key_id: string; secret: string; name: string }
  store: { id: string; name: string }
  merchant: { id: string; name: string }
}

export type StatementStatus = "calculated" | "approved" | "paid" | "failed"

/** A merchant's settlement for one business day (Asia/Shanghai), amounts in fen. */
export type TerminalStatement = {
  id: string
  business_date: string
  status: StatementStatus
  line_count: number
  gross_amount: number
  commission_amount: number
  merchant_funded_amount: number
  /** gross − commission − merchant_funded: what the merchant is paid */
  net_amount: number
  currency_code: string
}

export type StatementLineKind = "redemption" | "reversal" | "breakage" | "delivery"

/** One event on a statement, in fen; a reversal's amounts are negative. */
export type TerminalStatementLine = {
  id: string
  kind: StatementLineKind
  business_date: string
  order_id: string | null
  voucher_id: string | null
  source_id: string | null
  gross: number
  commission: number
  merchant_funded: number
  net: number
  created_at: string
}
