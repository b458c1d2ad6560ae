import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  AdminCreateMerchant,
  AdminCreateStore,
  AdminCreateTerminal,
  AdminGetMerchant,
  AdminListMerchants,
  AdminListStores,
  AdminListTerminals,
  AdminUpdateMerchant,
  AdminUpdateStore,
} from "./merchants/validators"
import {
  AdminCreateBenefitProgram,
  AdminListBenefitPrograms,
  AdminPointsAdjustment,
  AdminPointsHistory,
  AdminUpdateBenefitProgram,
  AdminUpsertPointsRule,
} from "./benefit-programs/validators"
import {
  AdminApproveSettlement,
  AdminCreateCommissionRate,
  AdminFailSettlement,
  AdminGetSettlement,
  AdminListSettlements,
  AdminPaySettlement,
  AdminPayoutFile,
  AdminRunSettlement,
} from "./settlements/validators"
import { AdminGetVoucherTemplate, AdminListVoucherTemplates, AdminUpsertVoucherTemplate } from "./voucher-templates/validators"

// Routes shape their own responses (never the stored secrets), so `fields` is not offered.
const list = { isList: true, defaults: ["id"] }
const retrieve = { isList: false, defaults: ["id"] }
// action routes take no body; an empty POST or {} is fine, anything else is a mistake worth a 400
const NoBody = z.object({}).strict().nullish()

// Validation for the operator routes under /admin (merchants, stores, terminals, voucher templates).
// Medusa authenticates every /admin route (session or bearer token) before these run.
export const adminMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/settlements", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListSettlements as any, list)] },
  { matcher: "/admin/settlements/run", methods: ["POST"], middlewares: [validateAndTransformBody(AdminRunSettlement as any)] },
  { matcher: "/admin/settlements/payout-file", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminPayoutFile as any, retrieve)] },
  // batch ids only: "payout-file" and "reconciliation" are routes of their own, not batches
  { matcher: /^\/admin\/settlements\/sbat_[A-Za-z0-9]+\/?$/ as any, methods: ["GET"], middlewares: [validateAndTransformQuery(AdminGetSettlement as any, retrieve)] },
  { matcher: "/admin/settlements/:id/approve", methods: ["POST"], middlewares: [validateAndTransformBody(AdminApproveSettlement as any)] },
  { matcher: "/admin/settlements/:id/pay", methods: ["POST"], middlewares: [validateAndTransformBody(AdminPaySettlement as any)] },
  { matcher: "/admin/settlements/:id/fail", methods: ["POST"], middlewares: [validateAndTransformBody(AdminFailSettlement as any)] },
  { matcher: "/admin/merchants/:id/settlement-terms", methods: ["POST"], middlewares: [validateAndTransformBody(z.object({ breakage: z.enum(["platform", "merchant"]) }).strict() as any)] },
  { matcher: "/admin/commission-rates", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateCommissionRate as any)] },
  { matcher: "/admin/benefit-programs", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListBenefitPrograms as any, list)] },
  { matcher: "/admin/benefit-programs", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateBenefitProgram as any)] },
  { matcher: "/admin/benefit-programs/:id", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateBenefitProgram as any)] },
  { matcher: "/admin/customers/:id/points", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminPointsHistory as any, list)] },
  { matcher: "/admin/customers/:id/points-adjustments", methods: ["POST"], middlewares: [validateAndTransformBody(AdminPointsAdjustment as any)] },
  { matcher: "/admin/rights/points-rules", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpsertPointsRule as any)] },
  { matcher: "/admin/merchants", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListMerchants, list)] },
  { matcher: "/admin/merchants", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateMerchant)] },
  { matcher: "/admin/merchants/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminGetMerchant, retrieve)] },
  { matcher: "/admin/merchants/:id", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateMerchant)] },
  { matcher: "/admin/merchants/:id/stores", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListStores, list)] },
  { matcher: "/admin/merchants/:id/stores", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateStore)] },
  { matcher: "/admin/merchants/:id/stores/:store_id", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateStore)] },
  { matcher: "/admin/merchants/:id/stores/:store_id/terminals", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateTerminal)] },
  { matcher: "/admin/merchants/:id/terminals", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListTerminals, list)] },
  { matcher: "/admin/terminals/:id/disable", methods: ["POST"], middlewares: [validateAndTransformBody(NoBody)] },
  { matcher: "/admin/terminals/:id/enable", methods: ["POST"], middlewares: [validateAndTransformBody(NoBody)] },
  { matcher: "/admin/terminals/:id/unlock", methods: ["POST"], middlewares: [validateAndTransformBody(NoBody)] },
  { matcher: "/admin/terminals/:id/rotate-secret", methods: ["POST"], middlewares: [validateAndTransformBody(NoBody)] },
  { matcher: "/admin/voucher-templates", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListVoucherTemplates, list)] },
  { matcher: "/admin/voucher-templates", methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpsertVoucherTemplate)] },
  { matcher: "/admin/voucher-templates/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminGetVoucherTemplate, retrieve)] },
  // an operator refund takes an optional note for the refund record
  {
    matcher: "/admin/vouchers/:id/refund",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(z.object({ note: z.string().trim().min(1).max(500).optional() }).strict())],
  },
  // the vouchers an order issued (admin order page); no filters or paging, an order has a handful
  { matcher: "/admin/orders/:id/vouchers", methods: ["GET"], middlewares: [validateAndTransformQuery(z.object({}).strict(), list)] },
]
