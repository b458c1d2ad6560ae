import type { Locale, MessageKey, TFunction } from "@/lib/i18n/translate"

export function voucherStatusLabel(status: string, t: TFunction): string {
  const key = `wallet.status.${status}` as MessageKey
  const label = t(key)
  return label === key ? status : label
}

export function VoucherStatusBadge({ status, t, testId }: { status: string; t: TFunction; testId?: string }) {
  return (
    <span className={`status voucher-status voucher-status-${status}`} data-testid={testId} data-status={status}>
      {voucherStatusLabel(status, t)}
    </span>
  )
}

export function isUsableStatus(status: string): boolean {
  return status === "active" || status === "partially_redeemed"
}

export function kindLabel(kind: string, t: TFunction): string {
  const key = `voucher.kind.${kind}` as MessageKey
  const label = t(key)
  return label === key ? t("common.voucher") : label
}

/** A calendar day in Shanghai time ("2026年12月31日" / "Dec 31, 2026"). */
export function formatDay(value: string | null | undefined, locale: Locale): string {
  if (!value) return ""
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ""
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(date)
}
