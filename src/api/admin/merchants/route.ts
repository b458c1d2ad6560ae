import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"
import { merchantView } from "./merchant-views"
import { settlementAccountColumns } from "./settlement-account"
import type { AdminCreateMerchantType, AdminListMerchantsType } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { q, status, limit, offset } = req.validatedQuery as AdminListMerchantsType
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const [rows, count] = await merchants.listAndCountMerchants(
    { ...(q ? { q } : {}), ...(status ? { status } : {}) } as any,
    { skip: offset, take: limit, order: { created_at: "DESC" }, relations: ["stores"] }
  )
  const storeIds = rows.flatMap((m) => m.stores.map((s) => s.id))
  const terminals = storeIds.length ? await merchants.listTerminals({ store_id: storeIds }, { select: ["id", "store_id"] }) : []
  const merchantOfStore = new Map(rows.flatMap((m) => m.stores.map((s) => [s.id, m.id] as const)))
  const terminalCount = new Map<string, number>()
  for (const t of terminals) {
    const mid = merchantOfStore.get((t as any).store_id)
    if (mid) terminalCount.set(mid, (terminalCount.get(mid) ?? 0) + 1)
  }
  res.json({
    merchants: rows.map((m) => merchantView(m, { store_count: m.stores.length, terminal_count: terminalCount.get(m.id) ?? 0 })),
    count,
    limit,
    offset,
  })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateMerchantType>, res: MedusaResponse) {
  const { settlement_account, ...fields } = req.validatedBody
  const merchants: MerchantModuleService = req.scope.resolve(MERCHANT_MODULE)
  const merchant = await merchants.createMerchants({
    ...fields,
    ...(settlement_account !== undefined ? settlementAccountColumns(settlement_account) : {}),
  } as any)
  res.status(201).json({ merchant: merchantView(merchant, { store_count: 0, terminal_count: 0 }) })
}
