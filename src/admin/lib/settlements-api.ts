import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { adminSend } from "./rights-api"
import { sdk } from "./sdk"

// Wire types and hooks of the settlement admin API (src/api/admin/settlements, src/api/admin/ledger).
// Amounts are yuan (Medusa's major unit) as numbers; business days are "YYYY-MM-DD" in Asia/Shanghai.

export type SettlementStatus = "calculated" | "approved" | "paid" | "failed"

export type Settlement = {
  id: string
  merchant_id: string
  merchant_name: string | null
  business_date: string
  status: SettlementStatus
  line_count: number
  gross_amount: number
  commission_amount: number
  merchant_funded_amount: number
  net_amount: number
  currency_code: string
  approved_at: string | null
  approved_by: string | null
  paid_at: string | null
  paid_by: string | null
  payout_reference: string | null
  failed_at: string | null
  failure_reason: string | null
}

export type SettlementTotals = Pick<Settlement, "line_count" | "gross_amount" | "commission_amount" | "merchant_funded_amount" | "net_amount">

export type SettlementLineKind = "redemption" | "reversal" | "breakage" | "delivery"

export type SettlementLine = {
  id: string
  kind: SettlementLineKind
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

export type SettlementFilters = { business_date?: string; status?: SettlementStatus; merchant_id?: string; limit: number; offset: number }

export type TrialBalanceAccount = { code: string; name: string | null; type: string | null; debit: number; credit: number; balance: number }
export type TrialBalance = { accounts: TrialBalanceAccount[]; total_debit: number; total_credit: number }

export type ReconciliationMovement = {
  kind: "capture" | "refund" | string
  payment_intent: string | null
  order_id: string | null
  amount: number
  currency_code: string
  created_at: string
  payment_id?: string | null
  capture_id?: string
  refund_id?: string
  balance_transaction?: string
  source?: string | null
}

export type ReconciliationDifference = {
  kind: string
  payment_intent: string | null
  order_id: string | null
  amount: number
  provider_amount: number
  difference: number
  ours?: ReconciliationMovement
  theirs?: ReconciliationMovement
}

export type Reconciliation = {
  business_date: string
  provider: string | null
  message?: string
  window?: unknown
  summary: { matched: number; missing: number; extra: number; differing: number }
  missing: ReconciliationMovement[]
  extra: ReconciliationMovement[]
  differing: ReconciliationDifference[]
}

export const settlementKeys = {
  all: ["palmlife", "settlements"] as const,
  list: (filters: SettlementFilters) => ["palmlife", "settlements", "list", filters] as const,
  detail: (id: string) => ["palmlife", "settlements", "detail", id] as const,
  lines: (id: string, after: string | undefined) => ["palmlife", "settlements", "detail", id, "lines", after ?? ""] as const,
  reconciliation: (day: string) => ["palmlife", "settlements", "reconciliation", day] as const,
  trialBalance: ["palmlife", "ledger", "trial-balance"] as const,
}

const withoutEmpty = (query: Record<string, unknown>) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))

export const useSettlements = (filters: SettlementFilters) =>
  useQuery({
    queryKey: settlementKeys.list(filters),
    queryFn: () =>
      sdk.client.fetch<{ settlements: Settlement[]; count: number; totals: SettlementTotals }>("/admin/settlements", { query: withoutEmpty(filters) }),
    placeholderData: (previous) => previous,
  })

export const LINES_PAGE_SIZE = 50

export const useSettlement = (id: string, after: string | undefined) =>
  useQuery({
    queryKey: settlementKeys.lines(id, after),
    queryFn: () =>
      sdk.client.fetch<{ settlement: Settlement; lines: SettlementLine[]; next_after: string | null }>(`/admin/settlements/${id}`, {
        query: withoutEmpty({ limit: LINES_PAGE_SIZE, after }),
      }),
    placeholderData: (previous) => previous,
  })

export const useReconciliation = (day: string) =>
  useQuery({
    queryKey: settlementKeys.reconciliation(day),
    enabled: !!day,
    queryFn: () => sdk.client.fetch<Reconciliation>("/admin/settlements/reconciliation", { query: { business_date: day } }),
  })

export const useTrialBalance = () =>
  useQuery({
    queryKey: settlementKeys.trialBalance,
    queryFn: () => sdk.client.fetch<TrialBalance>("/admin/ledger/trial-balance"),
  })

export function useRunSettlement() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (business_date: string) =>
      adminSend<{ business_date: string; batch_count: number; settlements: Settlement[] }>("/admin/settlements/run", { method: "POST", body: { business_date } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: settlementKeys.all })
      void qc.invalidateQueries({ queryKey: settlementKeys.trialBalance })
    },
  })
}

export type SettlementTransition = { action: "approve" } | { action: "pay"; reference?: string } | { action: "fail"; reason: string }

export function useSettlementTransition(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (t: SettlementTransition) => {
      const body = t.action === "pay" ? (t.reference ? { reference: t.reference } : {}) : t.action === "fail" ? { reason: t.reason } : {}
      return adminSend<{ settlement: Settlement }>(`/admin/settlements/${id}/${t.action}`, { method: "POST", body })
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: settlementKeys.all })
      void qc.invalidateQueries({ queryKey: settlementKeys.trialBalance })
    },
  })
}
