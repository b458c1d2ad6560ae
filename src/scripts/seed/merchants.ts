import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MERCHANT_MODULE } from "../../modules/merchant"
import type MerchantModuleService from "../../modules/merchant/service"
import { VOUCHER_MODULE } from "../../modules/voucher"
import type VoucherModuleService from "../../modules/voucher/service"
import { voucherValidity } from "../../modules/voucher/validity"
import { PRODUCTS } from "./catalogue"

type SeedCtx = { container: MedusaContainer; logger: Logger; created: string[] }

const STORES: Record<string, { name: string; address: string; city: string; lat: number; lng: number }[]> = {
  "Golden Dragon 金龍酒家": [
    { name: "金龍酒家 南京西路總店 Nanjing Rd W flagship", address: "上海市靜安區南京西路 1266 號", city: "Shanghai", lat: 31.2286, lng: 121.4555 },
    { name: "金龍酒家 陸家嘴店 Lujiazui", address: "上海市浦東新區陸家嘴環路 1000 號", city: "Shanghai", lat: 31.2397, lng: 121.4998 },
  ],
  "Jade Garden 翡翠園": [
    { name: "翡翠園 淮海中路店 Huaihai Rd", address: "上海市黃浦區淮海中路 300 號", city: "Shanghai", lat: 31.2221, lng: 121.4737 },
  ],
}

// ISO weekday (1 = Monday) → opening periods, the format the admin edits
const HOURS = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["10:30-22:00"]]))

async function ensureMerchant(ctx: SeedCtx, name: string, city: string) {
  const merchants: MerchantModuleService = ctx.container.resolve(MERCHANT_MODULE)
  let [merchant] = await merchants.listMerchants({ name })
  if (!merchant) {
    merchant = await merchants.createMerchants({ name, legal_name: name, status: "active" } as any)
    ctx.created.push(`merchant ${name}`)
  }
  const wanted = STORES[name] ?? [{ name: `${name} ${city}`, address: city, city, lat: 0, lng: 0 }]
  const existing = await merchants.listMerchantStores({ merchant_id: merchant.id } as any)
  const stores = [...existing]
  for (const s of wanted) {
    if (existing.some((e: any) => e.name === s.name)) continue
    stores.push(await merchants.createMerchantStores({ name: s.name, address: s.address, city: s.city, latitude: s.lat, longitude: s.lng, hours: HOURS, merchant_id: merchant.id } as any))
    ctx.created.push(`store ${s.name}`)
  }
  const first = wanted[0].name
  return { merchant, main: stores.find((s: any) => s.name === first) ?? stores[0] }
}

/** A till per main store; credentials are re-read (decrypted) on re-runs, never re-issued. */
async function ensureTerminal(ctx: SeedCtx, storeId: string, name: string) {
  const merchants: MerchantModuleService = ctx.container.resolve(MERCHANT_MODULE)
  let [terminal] = await merchants.listTerminals({ store_id: storeId, name } as any)
  if (!terminal) {
    const issued = await merchants.issueTerminal({ store_id: storeId, name })
    terminal = issued.terminal
    ctx.created.push(`terminal ${name}`)
  }
  const resolved = await merchants.resolveTerminalByKey(terminal.key_id)
  return { key_id: terminal.key_id as string, secret: resolved!.secret }
}

export async function ensureMerchantsAndVouchers(ctx: SeedCtx, customerId: string) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const link = ctx.container.resolve(ContainerRegistrationKeys.LINK)
  const vouchers: VoucherModuleService = ctx.container.resolve(VOUCHER_MODULE)

  const byMerchant = new Map<string, { merchantId: string; mainStoreId: string }>()
  for (const name of ["Golden Dragon 金龍酒家", "Jade Garden 翡翠園", ...new Set(PRODUCTS.map((p) => p.merchant))]) {
    if (byMerchant.has(name)) continue
    const city = PRODUCTS.find((p) => p.merchant === name)?.city ?? "Shanghai"
    const { merchant, main } = await ensureMerchant(ctx, name, city)
    byMerchant.set(name, { merchantId: merchant.id, mainStoreId: main.id })
  }

  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id", "merchant.id"],
    filters: { handle: PRODUCTS.map((p) => p.handle) },
  })
  for (const p of products as any[]) {
    const seed = PRODUCTS.find((s) => s.handle === p.handle)!
    const { merchantId } = byMerchant.get(seed.merchant)!
    if (!p.merchant) {
      await link.create({ [MERCHANT_MODULE]: { merchant_id: merchantId }, [Modules.PRODUCT]: { product_id: p.id } })
    }
    const v = (seed.metadata as any)?.voucher
    // meal and movie products are vouchers; travel and mall get theirs with their own modules
    if (!["meal", "movie"].includes(seed.scene) || !v) continue
    for (const variant of p.variants ?? []) {
      const [template] = await vouchers.listVoucherTemplates({ product_variant_id: variant.id })
      if (template) continue
      await vouchers.createVoucherTemplates({
        product_variant_id: variant.id,
        merchant_id: merchantId,
        kind: seed.scene,
        title: seed.title,
        face_value: v.face_value,
        currency_code: "cny",
        usage: v.usage,
        validity_type: "days_after_purchase",
        valid_days: 365,
        refund_policy: "refundable_unused",
        auto_refund_on_expiry: v.usage === "single_use",
      } as any)
      ctx.created.push(`voucher template ${seed.handle}`)
    }
  }

  // the demo customer starts with two active Golden Dragon ¥100 vouchers in the wallet
  const golden = (products as any[]).find((p) => p.handle === "golden-dragon-100-voucher")
  const [template] = await vouchers.listVoucherTemplates({ product_variant_id: golden.variants[0].id })
  const owned = await vouchers.listIssuedVouchers({ customer_id: customerId, template_id: template.id })
  for (let i = owned.length; i < 2; i++) {
    const { expires_at } = voucherValidity(template as any, new Date())
    await vouchers.createVoucherWithCode({
      template_id: template.id, merchant_id: template.merchant_id, customer_id: customerId, kind: template.kind,
      title: template.title, usage: template.usage, face_value: template.face_value, balance: template.face_value,
      currency_code: template.currency_code, valid_from: null, expires_at,
      allowed_store_ids: { ids: [] }, allowed_weekdays: { days: [] },
    })
    ctx.created.push("demo customer voucher")
  }

  const gd = byMerchant.get("Golden Dragon 金龍酒家")!
  const jade = byMerchant.get("Jade Garden 翡翠園")!
  return {
    terminal: await ensureTerminal(ctx, gd.mainStoreId, "前台 Front desk"),
    other_terminal: await ensureTerminal(ctx, jade.mainStoreId, "前台 Front desk"),
  }
}
