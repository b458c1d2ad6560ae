import type { MedusaContainer } from "@medusajs/framework/types"
import { fenToMajor } from "../../../lib/money"
import { voucherQrPayload } from "../../../lib/voucher-code"
import { MERCHANT_MODULE } from "../../../modules/merchant"
import type MerchantModuleService from "../../../modules/merchant/service"
import type VoucherModuleService from "../../../modules/voucher/service"

/** Wallet cards in the store API's units (major): the owner sees the code, decrypted here. */
export async function walletVouchers(container: MedusaContainer, vouchers: VoucherModuleService, rows: any[]) {
  const merchants: MerchantModuleService = container.resolve(MERCHANT_MODULE)
  const merchantIds = [...new Set(rows.map((v) => v.merchant_id))]
  const [merchantList, stores] = merchantIds.length
    ? await Promise.all([
        merchants.listMerchants({ id: merchantIds }, { select: ["id", "name"] }),
        merchants.listMerchantStores({ merchant_id: merchantIds } as any, { select: ["id", "name", "merchant_id", "address", "city"] }),
      ])
    : [[], []]
  const nameOf = new Map(merchantList.map((m: any) => [m.id, m.name]))
  return rows.map((v) => {
    const allowed: string[] = v.allowed_store_ids?.ids ?? []
    const code = vouchers.revealCode(v)
    return {
      id: v.id,
      code,
      qr_payload: voucherQrPayload(code),
      kind: v.kind,
      title: v.title,
      usage: v.usage,
      status: v.status,
      balance: fenToMajor(Number(v.balance)),
      face_value: fenToMajor(Number(v.face_value)),
      currency_code: v.currency_code,
      valid_from: v.valid_from,
      expires_at: v.expires_at,
      order_id: v.order_id,
      details: v.details ?? null,
      merchant: { id: v.merchant_id, name: nameOf.get(v.merchant_id) ?? "" },
      stores: stores
        .filter((s: any) => s.merchant_id === v.merchant_id && (!allowed.length || allowed.includes(s.id)))
        .map((s: any) => ({ id: s.id, name: s.name, address: s.address, city: s.city })),
    }
  })
}
