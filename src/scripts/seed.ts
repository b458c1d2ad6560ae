/**
 * PalmLife demo seed — `npx medusa exec ./src/scripts/seed.ts` from the project root.
 *
 * Idempotent: every record is looked up by its natural key (name, title, handle, email) before it
 * is created, so a second run creates nothing and writes the same `.data/demo.json`.
 */
import fs from "fs"
import path from "path"
import type { ExecArgs, IAuthModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  FeatureFlag,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createCustomerAddressesWorkflow,
  createInventoryLevelsWorkflow,
  createPricePreferencesWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updatePricePreferencesWorkflow,
  updateProductCategoriesWorkflow,
  updateProductsWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { CATEGORIES, OPTION_TITLE, PRODUCTS, type ProductSeed } from "./seed/catalogue"
import { demoImageUrl, writeArtwork } from "./seed/images"
import { ensureMerchantsAndVouchers } from "./seed/merchants"
import { ensureRights } from "./seed/rights"
import { ensureCommissionRates } from "./seed/settlement"
import { indexCatalogue } from "./seed/search"
import { ensureCinemas } from "./seed/cinema"
import { ensureTravel } from "./seed/travel"
import { ensureMallPointsPrices } from "./seed/mall"

const CURRENCY = "cny"
const STORE_NAME = "PalmLife 掌上生活"
const REGION_NAME = "China"
const SALES_CHANNEL_NAME = "PalmLife App"
const API_KEY_TITLE = "PalmLife Storefront"
const LOCATION_NAME = "PalmLife 上海倉 Shanghai Warehouse"
const FULFILLMENT_SET_NAME = "PalmLife 上海倉 Shipping"
const SERVICE_ZONE_NAME = "中國大陸 Mainland China"
const FULFILLMENT_PROVIDER_ID = "manual_manual"
const PAYMENT_PROVIDER_ID = "pp_system_default"
// registered by medusa-config.js when STRIPE_API_KEY is set
const STRIPE_PROVIDER_ID = "pp_stripe_stripe"

const ADMIN = { email: "admin@palmlife.dev", password: "palmlife" }
const CUSTOMER = { email: "demo@palmlife.dev", password: "palmlife" }

const SHIPPING_OPTIONS = [
  { name: "標準快遞 Standard delivery", amount: 10, code: "standard", label: "Standard", description: "3–5 個工作日送達 Arrives in 3–5 business days" },
  { name: "順豐次日達 SF Express next day", amount: 20, code: "express", label: "Express", description: "次日送達 Arrives next day" },
]

type Ctx = { container: MedusaContainer; logger: Logger; created: string[] }

function note(ctx: Ctx, what: string, verb = "created") {
  ctx.created.push(what)
  ctx.logger.info(`[seed] ${verb} ${what}`)
}

async function ensureSalesChannel(ctx: Ctx) {
  const service = ctx.container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await service.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (existing) return existing
  const { result } = await createSalesChannelsWorkflow(ctx.container).run({
    input: {
      salesChannelsData: [
        { name: SALES_CHANNEL_NAME, description: "掌上生活 App 與網頁商城 PalmLife mobile app and web storefront" },
      ],
    },
  })
  note(ctx, `sales channel ${SALES_CHANNEL_NAME}`)
  return result[0]
}

async function ensureStore(ctx: Ctx, update: { default_sales_channel_id?: string; default_region_id?: string; default_location_id?: string }) {
  const storeService = ctx.container.resolve(Modules.STORE)
  const [store] = await storeService.listStores({}, { relations: ["supported_currencies"] })
  if (!store) throw new Error("No store found — run the database migrations first (npx medusa db:migrate)")
  await updateStoresWorkflow(ctx.container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        // Chinese retail prices include VAT; the currency price preference makes CNY tax-inclusive.
        supported_currencies: [{ currency_code: CURRENCY, is_default: true, is_tax_inclusive: true }],
        ...update,
      },
    },
  })
  return store
}

async function ensurePricePreference(ctx: Ctx, attribute: "currency_code" | "region_id", value: string) {
  const pricing = ctx.container.resolve(Modules.PRICING)
  const [pref] = await pricing.listPricePreferences({ attribute, value })
  if (!pref) {
    await createPricePreferencesWorkflow(ctx.container).run({
      input: [{ attribute, value, is_tax_inclusive: true }],
    })
    note(ctx, `price preference ${attribute}=${value} (tax inclusive)`)
  } else if (!pref.is_tax_inclusive) {
    await updatePricePreferencesWorkflow(ctx.container).run({
      input: { selector: { id: pref.id }, update: { is_tax_inclusive: true } },
    })
  }
}

/** The system provider, plus the Stripe card provider when this app has it configured. */
async function regionPaymentProviders(ctx: Ctx) {
  const stripe = await ctx.container.resolve(Modules.PAYMENT).listPaymentProviders({ id: [STRIPE_PROVIDER_ID] })
  return [PAYMENT_PROVIDER_ID, ...stripe.map((p) => p.id)]
}

async function ensureRegion(ctx: Ctx) {
  const service = ctx.container.resolve(Modules.REGION)
  const paymentProviders = await regionPaymentProviders(ctx)
  let [region] = await service.listRegions({ name: REGION_NAME })
  if (!region) {
    const { result } = await createRegionsWorkflow(ctx.container).run({
      input: {
        regions: [
          {
            name: REGION_NAME,
            currency_code: CURRENCY,
            countries: ["cn"],
            payment_providers: paymentProviders,
            is_tax_inclusive: true,
            automatic_taxes: true,
          },
        ],
      },
    })
    region = result[0]
    note(ctx, `region ${REGION_NAME}`)
  } else {
    // a region seeded before Stripe was configured gains the card provider on the next seed
    const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [current] } = await query.graph({ entity: "region", fields: ["payment_providers.id"], filters: { id: region.id } })
    const have = (current?.payment_providers ?? []).map((p: any) => p?.id as string).filter(Boolean)
    const missing = paymentProviders.filter((id) => !have.includes(id))
    if (missing.length) {
      await updateRegionsWorkflow(ctx.container).run({
        input: { selector: { id: region.id }, update: { payment_providers: [...have, ...missing] } },
      })
      note(ctx, `payment providers ${missing.join(", ")} in region ${REGION_NAME}`, "enabled")
    }
  }
  await ensurePricePreference(ctx, "region_id", region.id)

  const tax = ctx.container.resolve(Modules.TAX)
  const taxRegion = (await tax.listTaxRegions({ country_code: "cn" })).find((r) => !r.parent_id)
  if (!taxRegion) {
    await createTaxRegionsWorkflow(ctx.container).run({
      input: [
        {
          country_code: "cn",
          provider_id: "tp_system",
          // Prices are shown and charged VAT-inclusive; the demo books no separate tax line.
          default_tax_rate: { name: "中國 China 0%", code: "CN-0", rate: 0 },
        },
      ],
    })
    note(ctx, "tax region cn")
  }
  return region
}

async function ensurePublishableKey(ctx: Ctx, salesChannelId: string) {
  const apiKeys = ctx.container.resolve(Modules.API_KEY)
  const existing = (await apiKeys.listApiKeys({ title: API_KEY_TITLE, type: "publishable" })).filter(
    (k) => !k.revoked_at
  )
  let key = existing[0]
  if (!key) {
    const { result } = await createApiKeysWorkflow(ctx.container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
    note(ctx, `publishable API key ${API_KEY_TITLE}`)
  }
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "sales_channels.id"],
    filters: { id: key.id },
  })
  const linked = (data[0]?.sales_channels ?? []).some((sc: { id: string } | null) => sc?.id === salesChannelId)
  if (!linked) {
    await linkSalesChannelsToApiKeyWorkflow(ctx.container).run({
      input: { id: key.id, add: [salesChannelId] },
    })
    note(ctx, "link publishable key → sales channel")
  }
  return { id: key.id, token: (data[0]?.token as string) ?? key.token }
}

async function ensureShippingProfile(ctx: Ctx) {
  const fulfillment = ctx.container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (profile) return profile
  const { result } = await createShippingProfilesWorkflow(ctx.container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  note(ctx, "default shipping profile")
  return result[0]
}

async function ensureStockLocation(ctx: Ctx, salesChannelId: string, regionId: string, shippingProfileId: string) {
  const stockLocations = ctx.container.resolve(Modules.STOCK_LOCATION)
  const fulfillment = ctx.container.resolve(Modules.FULFILLMENT)
  const link = ctx.container.resolve(ContainerRegistrationKeys.LINK)
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)

  let [location] = await stockLocations.listStockLocations({ name: LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(ctx.container).run({
      input: {
        locations: [
          {
            name: LOCATION_NAME,
            address: {
              address_1: "浦東新區 張江路 88 號 3 號庫",
              address_2: "No. 88 Zhangjiang Rd, Warehouse 3, Pudong",
              city: "上海 Shanghai",
              province: "上海市 Shanghai",
              postal_code: "201203",
              country_code: "cn",
              phone: "+86 21 6000 8888",
            },
            metadata: { city: "Shanghai" },
          },
        ],
      },
    })
    location = result[0]
    note(ctx, `stock location ${LOCATION_NAME}`)
  }

  const readLocation = async () =>
    (
      await query.graph({
        entity: "stock_location",
        fields: [
          "id",
          "sales_channels.id",
          "fulfillment_providers.id",
          "fulfillment_sets.id",
          "fulfillment_sets.name",
          "fulfillment_sets.type",
          "fulfillment_sets.service_zones.id",
          "fulfillment_sets.service_zones.name",
        ],
        filters: { id: location.id },
      })
    ).data[0]
  let graph = await readLocation()

  if (!(graph?.sales_channels ?? []).some((sc: { id: string } | null) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(ctx.container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
    note(ctx, "link sales channel → stock location")
  }

  if (!(graph?.fulfillment_providers ?? []).some((p: { id: string } | null) => p?.id === FULFILLMENT_PROVIDER_ID)) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER_ID },
    })
    note(ctx, `link stock location → ${FULFILLMENT_PROVIDER_ID}`)
  }

  let fulfillmentSet = (graph?.fulfillment_sets ?? []).find(
    (fs: { type: string } | null) => fs?.type === "shipping"
  ) as { id: string; service_zones?: { id: string; name: string }[] } | undefined
  if (!fulfillmentSet) {
    // A fulfillment set name is globally unique; reuse one left behind by an interrupted run.
    let [set] = await fulfillment.listFulfillmentSets({ name: FULFILLMENT_SET_NAME }, { relations: ["service_zones"] })
    if (!set) {
      set = await fulfillment.createFulfillmentSets({
        name: FULFILLMENT_SET_NAME,
        type: "shipping",
        service_zones: [{ name: SERVICE_ZONE_NAME, geo_zones: [{ country_code: "cn", type: "country" }] }],
      })
      note(ctx, `fulfillment set ${FULFILLMENT_SET_NAME}`)
    }
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
    graph = await readLocation()
    fulfillmentSet = (graph?.fulfillment_sets ?? []).find(
      (fs: { type: string } | null) => fs?.type === "shipping"
    ) as typeof fulfillmentSet
  }

  let serviceZone = fulfillmentSet?.service_zones?.[0]
  if (!serviceZone) {
    serviceZone = await fulfillment.createServiceZones({
      name: SERVICE_ZONE_NAME,
      fulfillment_set_id: fulfillmentSet!.id,
      geo_zones: [{ country_code: "cn", type: "country" }],
    })
    note(ctx, `service zone ${SERVICE_ZONE_NAME}`)
  }

  const existingOptions = await fulfillment.listShippingOptions({ service_zone: { id: serviceZone.id } })
  const missing = SHIPPING_OPTIONS.filter((o) => !existingOptions.some((e) => e.name === o.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(ctx.container).run({
      input: missing.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: FULFILLMENT_PROVIDER_ID,
        service_zone_id: serviceZone!.id,
        shipping_profile_id: shippingProfileId,
        type: { label: o.label, description: o.description, code: o.code },
        prices: [
          { currency_code: CURRENCY, amount: o.amount },
          { region_id: regionId, amount: o.amount },
        ],
        rules: [
          { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
          { attribute: "is_return", operator: "eq" as const, value: "false" },
        ],
      })),
    })
    missing.forEach((o) => note(ctx, `shipping option ${o.name}`))
  }
  return location
}

async function ensureCategories(ctx: Ctx) {
  const product = ctx.container.resolve(Modules.PRODUCT)
  const handles = CATEGORIES.map((c) => c.handle)
  const existing = await product.listProductCategories({ handle: handles })
  for (const c of CATEGORIES) {
    const tagline = c.description.split("。").pop()?.trim() || c.name
    writeArtwork({ handle: `category-${c.handle}`, scene: c.handle, title: c.name, subtitle: tagline, footer: "PalmLife 掌上生活" })
  }
  const missing = CATEGORIES.filter((c) => !existing.some((e) => e.handle === c.handle))
  if (missing.length) {
    await createProductCategoriesWorkflow(ctx.container).run({
      input: {
        product_categories: missing.map((c) => ({
          name: c.name,
          handle: c.handle,
          description: c.description,
          is_active: true,
          is_internal: false,
          rank: c.rank,
          metadata: { scene: c.handle, image: demoImageUrl(`category-${c.handle}`) },
        })),
      },
    })
    missing.forEach((c) => note(ctx, `category ${c.handle}`))
  }
  const all = await product.listProductCategories({ handle: handles })
  // Keep the artwork URL in step with MEDUSA_BACKEND_URL when the demo moves host or port.
  for (const c of all) {
    const image = demoImageUrl(`category-${c.handle}`)
    if (existing.some((e) => e.id === c.id) && c.metadata?.image !== image) {
      await updateProductCategoriesWorkflow(ctx.container).run({
        input: { selector: { id: c.id }, update: { metadata: { ...(c.metadata ?? {}), image } } },
      })
    }
  }
  return Object.fromEntries(all.map((c) => [c.handle, c.id])) as Record<string, string>
}

function skuFor(p: ProductSeed, index: number) {
  return `PL-${p.handle.toUpperCase()}${p.variants.length > 1 ? `-${index + 1}` : ""}`
}

async function ensureProducts(
  ctx: Ctx,
  categoryIds: Record<string, string>,
  salesChannelId: string,
  shippingProfileId: string
) {
  const productService = ctx.container.resolve(Modules.PRODUCT)
  for (const p of PRODUCTS) {
    writeArtwork({ handle: p.handle, scene: p.scene, title: p.title, subtitle: p.subtitle, footer: `${p.merchant} · ${p.city}` })
  }
  const existing = await productService.listProducts(
    { handle: PRODUCTS.map((p) => p.handle) },
    { select: ["id", "handle", "thumbnail"] }
  )
  const have = new Set(existing.map((p) => p.handle))
  // Existing products are left as an operator may have edited them, except for the generated
  // artwork URL, which follows MEDUSA_BACKEND_URL.
  for (const e of existing) {
    const url = demoImageUrl(e.handle)
    if (e.thumbnail !== url) {
      await updateProductsWorkflow(ctx.container).run({
        input: { selector: { id: e.id }, update: { thumbnail: url, images: [{ url }] } },
      })
      note(ctx, `image URL of ${e.handle}`, "updated")
    }
  }
  const missing = PRODUCTS.filter((p) => !have.has(p.handle))
  if (missing.length) {
    await createProductsWorkflow(ctx.container).run({
      input: {
        products: missing.map((p) => {
          const optionTitle = p.option ?? OPTION_TITLE
          const isMall = p.scene === "mall"
          const url = demoImageUrl(p.handle)
          return {
            title: p.title,
            subtitle: p.subtitle,
            handle: p.handle,
            description: `${p.description_zh}\n\n${p.description_en}`,
            status: ProductStatus.PUBLISHED,
            thumbnail: url,
            images: [{ url }],
            category_ids: [categoryIds[p.scene]],
            sales_channels: [{ id: salesChannelId }],
            // Only physical goods ship; vouchers, tickets and packages are redeemed, so their line
            // items need no shipping method.
            ...(isMall ? { shipping_profile_id: shippingProfileId } : {}),
            origin_country: "cn",
            options: [{ title: optionTitle, values: p.variants.map((v) => v.value) }],
            variants: p.variants.map((v, i) => ({
              title: v.value,
              sku: skuFor(p, i),
              options: { [optionTitle]: v.value },
              manage_inventory: isMall,
              allow_backorder: false,
              prices: [{ currency_code: CURRENCY, amount: v.price }],
            })),
            metadata: { scene: p.scene, merchant: p.merchant, city: p.city, ...(p.metadata ?? {}) },
          }
        }),
      },
    })
    note(ctx, `${missing.length} products`)
  }
}

async function ensureStock(ctx: Ctx, locationId: string) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const wanted = new Map<string, number>()
  for (const p of PRODUCTS.filter((p) => p.scene === "mall")) {
    p.variants.forEach((v, i) => wanted.set(skuFor(p, i), v.stock ?? 100))
  }
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
    filters: { sku: [...wanted.keys()] },
  })
  const levels: { location_id: string; inventory_item_id: string; stocked_quantity: number }[] = []
  for (const v of variants) {
    for (const item of v.inventory_items ?? []) {
      if (!item) continue
      const atLocation = (item.inventory?.location_levels ?? []).some(
        (l: { location_id: string } | null) => l?.location_id === locationId
      )
      if (!atLocation) {
        levels.push({ location_id: locationId, inventory_item_id: item.inventory_item_id, stocked_quantity: wanted.get(v.sku!) ?? 100 })
      }
    }
  }
  if (levels.length) {
    await createInventoryLevelsWorkflow(ctx.container).run({ input: { inventory_levels: levels } })
    note(ctx, `${levels.length} inventory levels`)
  }
}

/** Finds or registers the emailpass identity for `email` and makes sure the password works. */
async function ensureEmailpassIdentity(ctx: Ctx, email: string, password: string) {
  const auth: IAuthModuleService = ctx.container.resolve(Modules.AUTH)
  const [provider] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" })
  if (provider) {
    const check = await auth.authenticate("emailpass", { body: { email, password } } as never)
    if (!check.success) await auth.updateProvider("emailpass", { entity_id: email, password })
    return await auth.retrieveAuthIdentity(provider.auth_identity_id!)
  }
  const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as never)
  if (!success || !authIdentity) throw new Error(`Could not register ${email}: ${error}`)
  return authIdentity
}

async function ensureAdminUser(ctx: Ctx) {
  const users = ctx.container.resolve(Modules.USER)
  const auth: IAuthModuleService = ctx.container.resolve(Modules.AUTH)
  const identity = await ensureEmailpassIdentity(ctx, ADMIN.email, ADMIN.password)
  let [user] = await users.listUsers({ email: ADMIN.email })
  if (!user) {
    // Same as `medusa user`: give the super-admin role when RBAC is on.
    let roles: string[] = []
    if (FeatureFlag.isFeatureEnabled("rbac")) {
      const rbac = ctx.container.resolve(Modules.RBAC) as { listRbacRoles: (f: object) => Promise<{ id: string }[]> }
      roles = (await rbac.listRbacRoles({ id: "role_super_admin" })).map((r) => r.id)
    }
    if (!identity.app_metadata?.user_id) {
      const { result } = await createUserAccountWorkflow(ctx.container).run({
        input: {
          authIdentityId: identity.id,
          userData: { email: ADMIN.email, first_name: "PalmLife", last_name: "Operator", ...(roles.length ? { roles } : {}) },
        },
      })
      user = result
      note(ctx, `admin user ${ADMIN.email}`)
      return user
    }
    ;[user] = await users.createUsers([{ email: ADMIN.email, first_name: "PalmLife", last_name: "Operator" }])
    note(ctx, `admin user ${ADMIN.email}`)
  }
  if (identity.app_metadata?.user_id !== user.id) {
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...(identity.app_metadata ?? {}), user_id: user.id } })
  }
  return user
}

const DEMO_ADDRESS = {
  address_name: "家 Home",
  first_name: "演示",
  last_name: "用戶",
  address_1: "靜安區 南京西路 1266 號",
  address_2: "恒隆廣場 12 樓 1202 室",
  city: "上海 Shanghai",
  province: "上海市 Shanghai",
  postal_code: "200040",
  country_code: "cn",
  phone: "+86 138 0013 8000",
  is_default_shipping: true,
  is_default_billing: true,
}

async function ensureCustomer(ctx: Ctx) {
  const customers = ctx.container.resolve(Modules.CUSTOMER)
  const auth: IAuthModuleService = ctx.container.resolve(Modules.AUTH)
  const identity = await ensureEmailpassIdentity(ctx, CUSTOMER.email, CUSTOMER.password)
  const customerData = {
    email: CUSTOMER.email,
    first_name: "演示",
    last_name: "用戶",
    phone: "+86 138 0013 8000",
    metadata: { display_name_en: "Demo User", city: "Shanghai" },
  }
  let [customer] = await customers.listCustomers({ email: CUSTOMER.email, has_account: true })
  if (!customer) {
    if (!identity.app_metadata?.customer_id) {
      const { result } = await createCustomerAccountWorkflow(ctx.container).run({
        input: { authIdentityId: identity.id, customerData },
      })
      customer = result
    } else {
      ;[customer] = await customers.createCustomers([{ ...customerData, has_account: true }])
    }
    note(ctx, `customer ${CUSTOMER.email}`)
  }
  if (identity.app_metadata?.customer_id && identity.app_metadata.customer_id !== customer.id) {
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...identity.app_metadata, customer_id: customer.id } })
  }
  const addresses = await customers.listCustomerAddresses({ customer_id: customer.id })
  if (!addresses.length) {
    await createCustomerAddressesWorkflow(ctx.container).run({
      input: { addresses: [{ ...DEMO_ADDRESS, customer_id: customer.id }] },
    })
    note(ctx, "customer address")
  }
  return customer
}

export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ctx: Ctx = { container, logger, created: [] }
  const root = process.cwd()
  logger.info(`[seed] PalmLife demo data (root ${root})`)

  const salesChannel = await ensureSalesChannel(ctx)
  await ensureStore(ctx, { default_sales_channel_id: salesChannel.id })
  await ensurePricePreference(ctx, "currency_code", CURRENCY)
  const region = await ensureRegion(ctx)
  const apiKey = await ensurePublishableKey(ctx, salesChannel.id)
  const shippingProfile = await ensureShippingProfile(ctx)
  const location = await ensureStockLocation(ctx, salesChannel.id, region.id, shippingProfile.id)
  await ensureStore(ctx, { default_region_id: region.id, default_location_id: location.id })

  const categoryIds = await ensureCategories(ctx)
  await ensureProducts(ctx, categoryIds, salesChannel.id, shippingProfile.id)
  await ensureStock(ctx, location.id)
  await ensureMallPointsPrices(ctx)

  await ensureAdminUser(ctx)
  const customer = await ensureCustomer(ctx)
  const terminals = await ensureMerchantsAndVouchers(ctx, customer.id)
  const groups = await ensureRights(ctx, customer.id)
  const [goldenDragon] = await container.resolve<any>("merchant").listMerchants({ name: "Golden Dragon 金龍酒家" })
  await ensureCommissionRates(ctx, goldenDragon?.id)
  await ensureTravel(ctx)

  const demo = {
    backend_url: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
    storefront_url: process.env.STOREFRONT_URL || "http://localhost:8000",
    publishable_key: apiKey.token,
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    admin: { ...ADMIN },
    customer: { ...CUSTOMER, id: customer.id },
    customer_groups: groups,
    ...terminals,
    ...(await ensureCinemas(ctx, salesChannel.id)),
  }
  // Tests and the e2e harness point this elsewhere so they never overwrite the demo's file.
  const demoJsonPath = process.env.DEMO_JSON_PATH || path.join(root, ".data", "demo.json")
  fs.mkdirSync(path.dirname(demoJsonPath), { recursive: true })
  fs.writeFileSync(demoJsonPath, JSON.stringify(demo, null, 2) + "\n", "utf8")

  // last: everything above (products, merchants, stores, travel and movie catalogues) is in the index
  await indexCatalogue(ctx)

  const productCount = (await container.resolve(Modules.PRODUCT).listProducts({ handle: PRODUCTS.map((p) => p.handle) }, { select: ["id"] })).length
  logger.info(
    `[seed] PalmLife ready: region ${region.id} (cny), sales channel ${salesChannel.id}, key ${apiKey.token.slice(0, 10)}…, ` +
      `${CATEGORIES.length} categories, ${productCount} products, ${ctx.created.length} records created or updated this run → ${demoJsonPath}`
  )
}
