import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { SETTLEMENT_MODULE } from "../../modules/settlement"
import type SettlementModuleService from "../../modules/settlement/service"

type SeedCtx = { container: MedusaContainer; logger: Logger; created: string[] }

/** Demo commission: 6% for everyone, Golden Dragon's negotiated 5%, in force since the start of 2026. */
export async function ensureCommissionRates(ctx: SeedCtx, goldenDragonId: string | undefined) {
  const settlement: SettlementModuleService = ctx.container.resolve(SETTLEMENT_MODULE)
  const rates = [
    { scope_type: "global", scope_id: null, kind: "percentage", value: 600, effective_from: "2026-01-01" },
    ...(goldenDragonId ? [{ scope_type: "merchant", scope_id: goldenDragonId, kind: "percentage", value: 500, effective_from: "2026-01-01" }] : []),
  ]
  for (const r of rates) {
    const [existing] = await settlement.listCommissionRates({ scope_type: r.scope_type, scope_id: r.scope_id, effective_from: r.effective_from } as any)
    if (existing) continue
    await settlement.createCommissionRates({ ...r, created_by: "seed" } as any)
    ctx.created.push(`commission rate ${r.scope_type} ${r.value / 100}%`)
  }
}
