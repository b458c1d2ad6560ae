import { StatusBadge } from "@medusajs/ui"
import type { SettlementStatus } from "../../../../lib/settlements-api"

export const SETTLEMENT_STATUSES: { value: SettlementStatus; label: string; color: "blue" | "orange" | "green" | "red" }[] = [
  { value: "calculated", label: "Calculated 已計算", color: "blue" },
  { value: "approved", label: "Approved 已審批", color: "orange" },
  { value: "paid", label: "Paid 已付款", color: "green" },
  { value: "failed", label: "Failed 失敗", color: "red" },
]

export const SettlementStatusBadge = ({ status }: { status: SettlementStatus }) => {
  const s = SETTLEMENT_STATUSES.find((x) => x.value === status)
  return (
    <StatusBadge color={s?.color ?? "grey"} data-testid="settlement-status" data-status={status}>
      {s?.label ?? status}
    </StatusBadge>
  )
}
