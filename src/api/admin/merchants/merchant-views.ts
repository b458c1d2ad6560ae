import { maskSettlementAccount } from "./settlement-account"

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)

/** A merchant as operators see it: the settlement account only masked, never the number or its ciphertext. */
export function merchantView(m: any, counts?: { store_count: number; terminal_count: number }) {
  return {
    id: m.id,
    name: m.name,
    legal_name: m.legal_name ?? null,
    status: m.status,
    contact_phone: m.contact_phone ?? null,
    settlement_account_masked: maskSettlementAccount(m.settlement_account_last4),
    metadata: m.metadata ?? null,
    ...(counts ?? {}),
    created_at: iso(m.created_at),
    updated_at: iso(m.updated_at),
  }
}

export function storeView(s: any) {
  return {
    id: s.id,
    merchant_id: s.merchant_id,
    name: s.name,
    address: s.address ?? null,
    city: s.city ?? null,
    latitude: s.latitude ?? null,
    longitude: s.longitude ?? null,
    hours: s.hours ?? null,
    status: s.status,
    created_at: iso(s.created_at),
    updated_at: iso(s.updated_at),
  }
}

/** A terminal without its secret or pairing-code hash; `pairing_pending` says a pairing code is usable now. */
export function terminalView(t: any, now = new Date()) {
  // pairing only succeeds for an active terminal (MerchantModuleService.pairTerminal)
  const pairingOpen = t.status === "active" && !!t.pairing_code_hash && !!t.pairing_expires_at && new Date(t.pairing_expires_at) > now
  return {
    id: t.id,
    name: t.name,
    key_id: t.key_id,
    status: t.status,
    store_id: t.store_id,
    store: t.store ? { id: t.store.id, name: t.store.name } : undefined,
    pairing_pending: pairingOpen,
    pairing_expires_at: pairingOpen ? iso(t.pairing_expires_at) : null,
    last_seen_at: iso(t.last_seen_at),
    locked_at: iso(t.locked_at),
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
  }
}
