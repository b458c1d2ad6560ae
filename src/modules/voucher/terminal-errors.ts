// Stable machine codes of the terminal API (ARCHITECTURE.md §5) with their HTTP status.
export const TERMINAL_ERRORS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  voucher_not_found: 404,
  redemption_not_found: 404,
  voucher_already_redeemed: 409,
  voucher_refunded: 409,
  voucher_expired: 410,
  voucher_not_yet_valid: 422,
  not_valid_at_this_store: 422,
  insufficient_balance: 422,
  reversal_window_closed: 409,
  redemption_already_reversed: 409,
  idempotency_conflict: 409,
  rate_limited: 429,
} as const

export type TerminalErrorCode = keyof typeof TERMINAL_ERRORS

export type TerminalResult = { status: number; body: Record<string, unknown> }

export function terminalError(code: TerminalErrorCode, message: string): TerminalResult {
  return { status: TERMINAL_ERRORS[code], body: { code, message } }
}
