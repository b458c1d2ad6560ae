import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { fenToMajor } from "../lib/money"
import { POINTS_PRICE_KEY } from "./steps/mall-points-price"

export type SetMallPointsPriceInput = { variant_id: string; points: number; cash_fen: number }

const CURRENCY = "cny"

/** Only mall goods have points-plus-cash prices; a voucher's price is its agreed price with the merchant. */
const loadMallVariantStep = createStep("load-mall-variant", async (input: SetMallPointsPriceInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [variant] } = await query.graph({
    entity: "product_variant",
    fields: ["id", "metadata", "product.id", "product.metadata"],
    filters: { id: input.variant_id },
  })
  if (!variant) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${input.variant_id} was not found.`, "not_found")
  if ((variant as any).product?.metadata?.scene !== "mall") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Points-plus-cash prices are for mall goods only.", "not_mall_product")
  }
  const metadata = { ...((variant.metadata as Record<string, unknown>) ?? {}) }
  if (input.points > 0) metadata[POINTS_PRICE_KEY] = input.points
  else delete metadata[POINTS_PRICE_KEY]
  return new StepResponse({ metadata })
})

/**
 * Prices a mall variant "¥cash + points": Medusa's price becomes cash + the points' value (1 point
 * = 1 fen), so totals, tax lines and promotions stay Medusa's own, and the variant records the
 * points every unit must be paid with.
 */
export const setMallPointsPriceWorkflow = createWorkflow("set-mall-points-price", (input: SetMallPointsPriceInput) => {
  const loaded = loadMallVariantStep(input)
  const update = transform({ input, loaded }, ({ input, loaded }) => ({
    selector: { id: input.variant_id },
    update: {
      metadata: loaded.metadata,
      prices: [{ currency_code: CURRENCY, amount: fenToMajor(input.cash_fen + input.points) }],
    },
  }))
  updateProductVariantsWorkflow.runAsStep({ input: update as any })
  return new WorkflowResponse(transform({ input }, ({ input }) => ({
    id: input.variant_id,
    points: input.points,
    cash: fenToMajor(input.cash_fen),
    price: fenToMajor(input.cash_fen + input.points),
  })))
})
