import { z } from "@medusajs/framework/zod"
import { normalizeSettlementAccount, SETTLEMENT_ACCOUNT_PATTERN } from "./settlement-account"

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be a string` }).trim().min(1, `${field} must not be empty`).max(max, `${field} is at most ${max} characters`)

const optionalText = (field: string, max: number) => text(field, max).nullish()

const settlementAccount = z
  .string({ error: "settlement_account must be a string" })
  .max(64, "settlement_account is at most 64 characters")
  .refine((v) => SETTLEMENT_ACCOUNT_PATTERN.test(normalizeSettlementAccount(v)), {
    message: "settlement_account must be 8-34 digits or letters (spaces and dashes are ignored)",
  })

const phone = z
  .string({ error: "contact_phone must be a string" })
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,30}$/, "contact_phone must be a phone number such as +86 21 5555 0100")

const metadata = z.record(z.string(), z.unknown()).nullish()

export const AdminCreateMerchant = z
  .object({
    name: text("name", 200),
    legal_name: optionalText("legal_name", 300),
    status: z.enum(["active", "suspended"]).optional(),
    contact_phone: phone.nullish(),
    settlement_account: settlementAccount.nullish(),
    metadata,
  })
  .strict()
export type AdminCreateMerchantType = z.infer<typeof AdminCreateMerchant>

export const AdminUpdateMerchant = AdminCreateMerchant.partial().strict()
export type AdminUpdateMerchantType = z.infer<typeof AdminUpdateMerchant>

const limit = z.coerce.number().int().min(1).max(200).default(50)
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0)

export const AdminListMerchants = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(["active", "suspended"]).optional(),
  limit,
  offset,
})
export type AdminListMerchantsType = z.infer<typeof AdminListMerchants>

export const AdminGetMerchant = z.object({})

// "HH:MM-HH:MM"; a close of 24:00 or earlier than the open means past midnight.
const TIME_RANGE = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/
const dayHours = z.array(z.string().regex(TIME_RANGE, "opening hours are ranges like 10:00-22:00")).max(4, "at most 4 ranges a day")
const WEEKDAY_KEYS = ["1", "2", "3", "4", "5", "6", "7"] as const

/** Opening hours per ISO weekday ("1" = Monday … "7" = Sunday); [] = closed that day, a missing day = not stated. */
export const StoreHours = z.partialRecord(z.enum(WEEKDAY_KEYS, { error: "hours keys are ISO weekdays \"1\" (Monday) … \"7\" (Sunday)" }), dayHours)

export const AdminCreateStore = z
  .object({
    name: text("name", 200),
    address: optionalText("address", 500),
    city: optionalText("city", 100),
    latitude: z.number({ error: "latitude must be a number" }).min(-90).max(90).nullish(),
    longitude: z.number({ error: "longitude must be a number" }).min(-180).max(180).nullish(),
    hours: StoreHours.nullish(),
    status: z.enum(["active", "closed"]).optional(),
  })
  .strict()
export type AdminCreateStoreType = z.infer<typeof AdminCreateStore>

export const AdminUpdateStore = AdminCreateStore.partial().strict()
export type AdminUpdateStoreType = z.infer<typeof AdminUpdateStore>

export const AdminListStores = z.object({
  status: z.enum(["active", "closed"]).optional(),
  limit,
  offset,
})
export type AdminListStoresType = z.infer<typeof AdminListStores>

export const AdminCreateTerminal = z.object({ name: text("name", 100) }).strict()
export type AdminCreateTerminalType = z.infer<typeof AdminCreateTerminal>

export const AdminListTerminals = z.object({
  store_id: z.string().max(100).optional(),
  status: z.enum(["active", "disabled", "locked"]).optional(),
  limit,
  offset,
})
export type AdminListTerminalsType = z.infer<typeof AdminListTerminals>
