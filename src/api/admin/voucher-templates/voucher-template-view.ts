const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)

/** The stored {ids} / {days} wrappers become plain arrays on the wire. */
export function voucherTemplateView(t: any, merchant?: { id: string; name: string }) {
  return {
    id: t.id,
    product_variant_id: t.product_variant_id,
    merchant_id: t.merchant_id,
    merchant: merchant ? { id: merchant.id, name: merchant.name } : undefined,
    kind: t.kind,
    title: t.title,
    face_value: Number(t.face_value),
    currency_code: t.currency_code,
    usage: t.usage,
    validity_type: t.validity_type,
    valid_from: iso(t.valid_from),
    valid_until: iso(t.valid_until),
    valid_days: t.valid_days == null ? null : Number(t.valid_days),
    allowed_store_ids: (t.allowed_store_ids?.ids ?? []) as string[],
    allowed_weekdays: (t.allowed_weekdays?.days ?? []) as number[],
    refund_policy: t.refund_policy,
    auto_refund_on_expiry: !!t.auto_refund_on_expiry,
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
  }
}
