import { fenToMajor } from "../../../lib/money"

/** A program for operators: yuan and percentages, as the admin API speaks. */
export function adminProgramView(p: any, stats?: { used_this_period?: number; total_uses?: number }) {
  return {
    id: p.id,
    name: p.name,
    description: p.description ?? null,
    customer_group_id: p.customer_group_id,
    scope_type: p.scope_type,
    scope_value: p.scope_value,
    kind: p.kind,
    value: p.kind === "percent_off" ? Number(p.value) / 100 : fenToMajor(Number(p.value)),
    cap: p.cap == null ? null : fenToMajor(Number(p.cap)),
    quota: Number(p.quota),
    quota_period: p.quota_period,
    funder: p.funder,
    weekdays: p.weekdays ?? null,
    starts_at: p.starts_at ?? null,
    ends_at: p.ends_at ?? null,
    status: p.status,
    created_at: p.created_at,
    ...(stats ?? {}),
  }
}
