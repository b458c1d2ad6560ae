import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { shanghaiDate } from "../../../../lib/shanghai-time"
import { TRAVEL_MODULE } from "../../../../modules/travel"
import { DEFAULT_CANCELLATION_TIERS } from "../../../../modules/travel/cancellation"
import type TravelModuleService from "../../../../modules/travel/service"
import { TravelError } from "../../../../modules/travel/travel-error"
import { VOUCHER_MODULE } from "../../../../modules/voucher"
import type VoucherModuleService from "../../../../modules/voucher/service"
import { answerTravel } from "../../../store/travel/travel-http"
import { adminPackageView, packageFields } from "../admin-travel-view"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const q = (req as any).validatedQuery as { limit: number; offset: number }
  const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
  const [packages, count] = await travel.listAndCountTravelPackages({}, { order: { title: "ASC" }, take: q.limit, skip: q.offset })
  const { rows } = await (req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any).raw(
    `SELECT package_id, count(*)::int AS departures, min(date) FILTER (WHERE date > ?) AS next_date, COALESCE(sum(sold), 0)::int AS sold
       FROM travel_departure WHERE deleted_at IS NULL AND package_id = ANY(?) GROUP BY package_id`,
    [shanghaiDate(new Date()), packages.map((p: any) => p.id)]
  )
  const stats = new Map(rows.map((r: any) => [r.package_id, r]))
  res.json({
    packages: packages.map((p: any) => {
      const s: any = stats.get(p.id)
      return adminPackageView(p, { departures: s?.departures ?? 0, next_date: s?.next_date ?? null, sold: s?.sold ?? 0 })
    }),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}

/**
 * A package on an existing Medusa product: its first variant is booked per place and gets a travel
 * voucher template (single use, the product's merchant) if it has none.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const body = req.validatedBody as Record<string, any>
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [product] } = await query.graph({ entity: "product", fields: ["id", "title", "variants.id", "variants.sku", "variants.prices.amount", "merchant.id"], filters: { id: body.product_id } })
    if (!product) throw new TravelError("product_not_found", `Product ${body.product_id} was not found.`, 404)
    const merchantId = (product as any).merchant?.id
    if (!merchantId) throw new TravelError("product_has_no_merchant", "Link the product to its tour operator (merchant) first.")
    const variant = [...((product as any).variants ?? [])].sort((a: any, b: any) => String(a.sku).localeCompare(String(b.sku)))[0]
    if (!variant) throw new TravelError("product_has_no_variant", "The product needs a variant to book.")
    const [taken] = await travel.listTravelPackages({ handle: body.handle } as any, { take: 1 })
    if (taken) throw new TravelError("handle_taken", `A package with handle ${body.handle} exists.`, 409)
    const fields = packageFields(body)
    const pkg = await travel.createTravelPackages({
      handle: body.handle,
      variant_id: variant.id,
      merchant_id: merchantId,
      ...fields,
      cancellation_tiers: fields.cancellation_tiers ?? { tiers: DEFAULT_CANCELLATION_TIERS },
    } as any)
    await req.scope.resolve(ContainerRegistrationKeys.LINK).create({ [TRAVEL_MODULE]: { travel_package_id: pkg.id }, [Modules.PRODUCT]: { product_id: product.id } })
    const vouchers: VoucherModuleService = req.scope.resolve(VOUCHER_MODULE)
    const [template] = await vouchers.listVoucherTemplates({ product_variant_id: variant.id })
    if (!template) {
      const amount = Number((variant as any).prices?.[0]?.amount ?? 0)
      await vouchers.createVoucherTemplates({
        product_variant_id: variant.id, merchant_id: merchantId, kind: "travel", title: pkg.title, face_value: Math.round(amount * 100),
        currency_code: "cny", usage: "single_use", validity_type: "days_after_purchase", valid_days: 365, refund_policy: "refundable_unused", auto_refund_on_expiry: false,
      } as any)
    }
    res.status(201).json({ package: adminPackageView(pkg) })
  })
}
