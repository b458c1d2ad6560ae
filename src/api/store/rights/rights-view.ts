import { fenToMajor } from "../../../lib/money"
import type { RightsPlan } from "../../../modules/rights/rules"
import { POINTS_PER_YUAN_BURNED } from "../../../modules/rights/rules"
import type { ProgramRow } from "../../../modules/rights/service"

/** A program as the storefront shows it; amounts in yuan (Medusa's major unit). */
export function benefitView(p: ProgramRow, remaining: number) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    value: p.kind === "percent_off" ? p.value / 100 : fenToMajor(p.value),
    cap: p.cap == null ? null : fenToMajor(p.cap),
    scope: { type: p.scope_type, value: p.scope_value },
    funder: p.funder,
    remaining,
    quota: p.quota,
    period: p.quota_period,
    weekdays: p.weekdays ?? null,
  }
}

export const YUAN_PER_100_POINTS = 100 / POINTS_PER_YUAN_BURNED

export function cartRightsView(plan: RightsPlan, benefitId: string | null) {
  return {
    points_applied: plan.points,
    points_value: fenToMajor(plan.points_value),
    benefit_id: benefitId,
    benefit_value: fenToMajor(plan.benefit_value),
    cash_due: fenToMajor(plan.cash_due),
  }
}
