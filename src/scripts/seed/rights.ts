import { postPointsMovements } from "../../workflows/settlement-postings"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { RIGHTS_MODULE } from "../../modules/rights"
import { DEFAULT_MAX_BURN_BPS } from "../../modules/rights/rules"
import type RightsModuleService from "../../modules/rights/service"

type SeedCtx = { container: MedusaContainer; logger: Logger; created: string[] }

export const GOLD_GROUP = "Gold card"
export const PLATINUM_GROUP = "Platinum card"
const DEMO_POINTS = 20000

const PROGRAMS = (groups: Record<string, string>) => [
  {
    name: "¥9.9 movie Wednesday 週三 9.9 元看電影",
    description: "Platinum card: one movie ticket for ¥9.9 on Wednesdays, twice a month. 白金卡會員週三 9.9 元觀影，每月 2 次。",
    customer_group_id: groups[PLATINUM_GROUP],
    scope_type: "scene" as const,
    scope_value: "movie",
    kind: "fixed_price" as const,
    value: 990,
    cap: null,
    quota: 2,
    quota_period: "month" as const,
    funder: "platform" as const,
    weekdays: [3],
  },
  {
    name: "Meal vouchers 10% off 餐券九折",
    description: "Gold card: 10% off meal vouchers, up to ¥20, once a week. 金卡會員餐券九折，最高減 20 元，每週 1 次。",
    customer_group_id: groups[GOLD_GROUP],
    scope_type: "scene" as const,
    scope_value: "meal",
    kind: "percent_off" as const,
    value: 1000,
    cap: 2000,
    quota: 1,
    quota_period: "week" as const,
    funder: "merchant" as const,
    weekdays: null,
  },
]

/** Card tiers as customer groups, their benefits, the default points rule, and the demo customer's points. */
export async function ensureRights(ctx: SeedCtx, demoCustomerId: string) {
  const customers = ctx.container.resolve(Modules.CUSTOMER)
  const rights: RightsModuleService = ctx.container.resolve(RIGHTS_MODULE)
  const groups: Record<string, string> = {}
  for (const name of [GOLD_GROUP, PLATINUM_GROUP]) {
    let [group] = await customers.listCustomerGroups({ name })
    if (!group) {
      group = await customers.createCustomerGroups({ name })
      ctx.created.push(`customer group ${name}`)
    }
    groups[name] = group.id
  }
  const inPlatinum = await customers.listCustomerGroupCustomers?.({ customer_id: demoCustomerId, customer_group_id: groups[PLATINUM_GROUP] } as any).catch(() => [])
  if (!inPlatinum?.length) {
    await customers.addCustomerToGroup({ customer_id: demoCustomerId, customer_group_id: groups[PLATINUM_GROUP] }).catch((e: any) => {
      if (!/already/i.test(String(e?.message))) throw e
    })
    ctx.created.push("demo customer → Platinum card")
  }
  for (const program of PROGRAMS(groups)) {
    const [existing] = await rights.listBenefitPrograms({ name: program.name })
    if (existing) continue
    await rights.createBenefitPrograms(program as any)
    ctx.created.push(`benefit ${program.name}`)
  }
  const [rule] = await rights.listPointsRules({ scene: "*" })
  if (!rule) await rights.createPointsRules({ scene: "*", max_burn_bps: DEFAULT_MAX_BURN_BPS })
  // a fixed posting key: seeding twice credits once
  const welcome = await rights.postPoints({
    customer_id: demoCustomerId,
    kind: "adjust",
    points: DEMO_POINTS,
    posting_key: `seed:demo-points:${demoCustomerId}`,
    reason: "welcome points for the demo customer",
  })
  // the points are owed to the customer from the start: the ledger says so too (once)
  await postPointsMovements(ctx.container, { ids: [welcome.id] })
  return groups
}
