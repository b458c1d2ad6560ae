// The paired terminal's identity on this device. The secret lives only in this browser's
// localStorage (the device is the terminal); it never goes to the storefront server.
import type { PairingResult, TerminalErrorCode } from "@palmlife/terminal-client"
import type { MessageKey } from "@/lib/i18n/translate"

export const DEVICE_STORAGE_KEY = "palmlife.terminal.v1"

export type PairedDevice = {
  baseUrl: string
  keyId: string
  secret: string
  terminal: { id: string; name: string }
  store: { id: string; name: string }
  merchant: { id: string; name: string }
  pairedAt: string
}

export function deviceFromPairing(baseUrl: string, result: PairingResult): PairedDevice {
  return {
    baseUrl,
    keyId: result.terminal.key_id,
    secret: result.terminal.secret,
    terminal: { id: result.terminal.id, name: result.terminal.name },
    store: result.store,
    merchant: result.merchant,
    pairedAt: new Date().toISOString(),
  }
}

function isNamed(value: unknown): value is { id: string; name: string } {
  const v = value as { id?: unknown; name?: unknown } | null
  return Boolean(v) && typeof v!.id === "string" && typeof v!.name === "string"
}

export function parseDevice(raw: string | null): PairedDevice | undefined {
  if (!raw) return undefined
  try {
    const d = JSON.parse(raw) as Partial<PairedDevice>
    if (
      typeof d.baseUrl === "string" && typeof d.keyId === "string" && typeof d.secret === "string" &&
      d.keyId && d.secret && isNamed(d.terminal) && isNamed(d.store) && isNamed(d.merchant)
    ) {
      return d as PairedDevice
    }
  } catch {
    // corrupt entry: treat as not paired
  }
  return undefined
}

export function loadDevice(): PairedDevice | undefined {
  try {
    return parseDevice(window.localStorage.getItem(DEVICE_STORAGE_KEY))
  } catch {
    return undefined // storage blocked (private mode, policy)
  }
}

export function saveDevice(device: PairedDevice): void {
  window.localStorage.setItem(DEVICE_STORAGE_KEY, JSON.stringify(device))
}

export function forgetDevice(): void {
  try {
    window.localStorage.removeItem(DEVICE_STORAGE_KEY)
  } catch {
    // nothing stored
  }
}

const KNOWN_ERRORS: TerminalErrorCode[] = [
  "unauthorized", "forbidden", "invalid_request", "voucher_not_found", "voucher_already_redeemed",
  "voucher_expired", "voucher_not_yet_valid", "voucher_refunded", "insufficient_balance",
  "not_valid_at_this_store", "reversal_window_closed", "redemption_not_found",
  "redemption_already_reversed", "idempotency_conflict", "rate_limited", "internal_error",
]

/** The message key for a terminal API error code, or undefined for codes this build doesn't know. */
export function terminalErrorKey(code: string | undefined): MessageKey | undefined {
  return code && (KNOWN_ERRORS as string[]).includes(code) ? (`terminal.error.${code}` as MessageKey) : undefined
}

/** WebCrypto's subtle API exists only in secure contexts (HTTPS or localhost). */
export function canSign(): boolean {
  return typeof crypto !== "undefined" && typeof crypto.subtle?.importKey === "function"
}

export const REVERSAL_WINDOW_MS = 30 * 60 * 1000

export function withinReversalWindow(createdAt: string, now: number): boolean {
  const at = Date.parse(createdAt)
  return Number.isFinite(at) && now - at < REVERSAL_WINDOW_MS
}
