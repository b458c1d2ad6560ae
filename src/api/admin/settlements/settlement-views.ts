import { fenToMajor } from "../../../lib/money"

export function settlementView(b: any, merchantName?: string | null) {
  return {
    id: b.id,
    merchant_id: b.merchant_id,
    merchant_name: merchantName ?? null,
    business_date: b.business_date,
    status: b.status,
    line_count: Number(b.line_count),
    gross_amount: fenToMajor(Number(b.gross_amount)),
    commission_amount: fenToMajor(Number(b.commission_amount)),
    merchant_funded_amount: fenToMajor(Number(b.merchant_funded_amount)),
    net_amount: fenToMajor(Number(b.net_amount)),
    currency_code: b.currency_code,
    calculated_at: b.calculated_at ?? null,
    approved_at: b.approved_at ?? null,
    approved_by: b.approved_by ?? null,
    paid_at: b.paid_at ?? null,
    paid_by: b.paid_by ?? null,
    payout_reference: b.payout_reference ?? null,
    failed_at: b.failed_at ?? null,
    failed_by: b.failed_by ?? null,
    failure_reason: b.failure_reason ?? null,
  }
}

export function lineView(l: any) {
  return {
    id: l.id,
    kind: l.kind,
    business_date: l.business_date,
    order_id: l.order_id,
    voucher_id: l.voucher_id,
    source_id: l.source_id,
    gross: fenToMajor(Number(l.gross)),
    commission: fenToMajor(Number(l.commission)),
    merchant_funded: fenToMajor(Number(l.merchant_funded)),
    net: fenToMajor(Number(l.net)),
    created_at: l.created_at,
  }
}

/** "12345" fen → "123.45": CSV money without floats. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? "-" : ""
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

/** RFC 4180 field; a leading = + - @ is prefixed so spreadsheets never run it as a formula. */
export function csvField(v: unknown): string {
  let s = v == null ? "" : String(v)
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const csvRow = (fields: unknown[]) => fields.map(csvField).join(",") + "\r\n"
