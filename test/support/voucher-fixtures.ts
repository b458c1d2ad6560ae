import type { MedusaContainer } from "@medusajs/framework/types"
import { MERCHANT_MODULE } from "../../src/modules/merchant"
import type MerchantModuleService from "../../src/modules/merchant/service"
import { VOUCHER_MODULE } from "../../src/modules/voucher"
import type VoucherModuleService from "../../src/modules/voucher/service"

export async function createMerchantWithTerminal(container: MedusaContainer, name: string) {
  const merchants: MerchantModuleService = container.resolve(MERCHANT_MODULE)
  const merchant = await merchants.createMerchants({ name })
  const store = await merchants.createMerchantStores({ name: `${name} main store`, merchant_id: merchant.id, city: "Shanghai" } as any)
  const issued = await merchants.issueTerminal({ store_id: store.id, name: `${name} till 1` })
  return { merchant, store, terminal: issued.terminal, key_id: issued.key_id, secret: issued.secret, pairing_code: issued.pairing_code }
}

export async function issueTestVoucher(
  container: MedusaContainer,
  merchantId: string,
  overrides: Partial<{ usage: "single_use" | "stored_value"; face_value: number; balance: number; expires_at: Date | null; valid_from: Date | null; allowed_store_ids: string[]; allowed_weekdays: number[]; status: string; customer_id: string }> = {}
) {
  const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
  const face = overrides.face_value ?? 10000
  const { voucher, code } = await vouchers.createVoucherWithCode({
    template_id: "vtpl_test",
    merchant_id: merchantId,
    customer_id: overrides.customer_id ?? null,
    kind: "meal",
    title: "测试代金券 Test voucher",
    usage: overrides.usage ?? "stored_value",
    face_value: face,
    balance: overrides.balance ?? face,
    status: overrides.status ?? "active",
    expires_at: overrides.expires_at === undefined ? new Date(Date.now() + 30 * 86400000) : overrides.expires_at,
    valid_from: overrides.valid_from ?? null,
    allowed_store_ids: { ids: overrides.allowed_store_ids ?? [] },
    allowed_weekdays: { days: overrides.allowed_weekdays ?? [] },
  })
  return { voucher, code }
}
