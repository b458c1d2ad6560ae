import { StatusBadge } from "@medusajs/ui"
import { programState, SCENES } from "../../../../lib/benefit-program-form"
import { type BenefitProgram, useCustomerGroups } from "../../../../lib/rights-api"
import { useCategories, useProductTitles } from "./benefit-form-fields"

const STATE = {
  active: { label: "Active 啟用", color: "green" },
  paused: { label: "Paused 暫停", color: "orange" },
  scheduled: { label: "Scheduled 未開始", color: "blue" },
  ended: { label: "Ended 已結束", color: "grey" },
} as const

export const ProgramStatusBadge = ({ program }: { program: Pick<BenefitProgram, "status" | "starts_at" | "ends_at"> }) => {
  const state = STATE[programState(program)]
  return <StatusBadge color={state.color}>{state.label}</StatusBadge>
}

/** Names for group ids and scopes (scene handle, category id, product id) of the programs shown. */
export function useProgramLabels(programs: BenefitProgram[]) {
  const groups = useCustomerGroups()
  const categories = useCategories()
  const productIds = [...new Set(programs.filter((p) => p.scope_type === "product").map((p) => p.scope_value))].sort()
  const products = useProductTitles(productIds)
  const groupName = new Map((groups.data?.customer_groups ?? []).map((g) => [g.id, g.name ?? g.id]))
  const categoryName = new Map((categories.data?.product_categories ?? []).map((c) => [c.id, c.name]))
  const productTitle = new Map((products.data?.products ?? []).map((p) => [p.id, p.title]))
  return {
    group: (id: string) => groupName.get(id) ?? id,
    scope: (p: Pick<BenefitProgram, "scope_type" | "scope_value">) => {
      if (p.scope_type === "scene") {
        const scene = SCENES.find((s) => s.handle === p.scope_value)
        return `Scene · ${scene ? `${scene.zh} ${scene.en}` : p.scope_value}`
      }
      if (p.scope_type === "category") return `Category · ${categoryName.get(p.scope_value) ?? p.scope_value}`
      return `Product · ${productTitle.get(p.scope_value) ?? p.scope_value}`
    },
  }
}
