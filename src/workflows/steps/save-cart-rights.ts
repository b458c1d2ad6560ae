import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RIGHTS_MODULE } from "../../modules/rights"
import type RightsModuleService from "../../modules/rights/service"

type Choice = { cart_id: string; customer_id: string; points: number; points_value: number; benefit_program_id: string | null; benefit_value: number }

/** Remembers what the customer chose for the cart, so completion can check and take exactly that. */
export const saveCartRightsStep = createStep("save-cart-rights", async (input: Choice, { container }) => {
  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  const [before] = await rights.listCartRights({ cart_id: input.cart_id })
  if (before) await rights.updateCartRights({ id: before.id, ...input })
  else await rights.createCartRights(input as any)
  return new StepResponse(undefined, before ? { kind: "update" as const, row: before } : { kind: "create" as const, cart_id: input.cart_id })
}, async (undo, { container }) => {
  if (!undo) return
  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  if (undo.kind === "update") {
    const { id, points, points_value, benefit_program_id, benefit_value } = undo.row as any
    await rights.updateCartRights({ id, points, points_value, benefit_program_id, benefit_value })
  } else {
    const [row] = await rights.listCartRights({ cart_id: undo.cart_id })
    if (row) await rights.deleteCartRights(row.id)
  }
})
