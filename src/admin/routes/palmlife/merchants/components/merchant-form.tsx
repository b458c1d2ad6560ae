import { Input, Select } from "@medusajs/ui"
import type { ChangeEvent } from "react"
import type { Merchant, MerchantInput } from "../../../../lib/merchants-api"
import { Field } from "./field"

export type MerchantFormValues = {
  name: string
  legal_name: string
  contact_phone: string
  status: Merchant["status"]
  settlement_account: string
}

export const emptyMerchantForm = (m?: Merchant): MerchantFormValues => ({
  name: m?.name ?? "",
  legal_name: m?.legal_name ?? "",
  contact_phone: m?.contact_phone ?? "",
  status: m?.status ?? "active",
  settlement_account: "",
})

const ACCOUNT = /^[0-9A-Z]{8,34}$/

export function validateMerchantForm(v: MerchantFormValues): Partial<Record<keyof MerchantFormValues, string>> {
  const errors: Partial<Record<keyof MerchantFormValues, string>> = {}
  if (!v.name.trim()) errors.name = "Name is required"
  if (v.contact_phone.trim() && !/^\+?[0-9][0-9 ()-]{4,30}$/.test(v.contact_phone.trim())) errors.contact_phone = "A phone number such as +86 21 5555 0100"
  if (v.settlement_account.trim() && !ACCOUNT.test(v.settlement_account.replace(/[\s-]/g, "").toUpperCase())) {
    errors.settlement_account = "8–34 digits or letters; spaces and dashes are ignored"
  }
  return errors
}

/** What to send: blank optional fields become null; the account only when a new one was typed. */
export function merchantFormToInput(v: MerchantFormValues): MerchantInput {
  return {
    name: v.name.trim(),
    legal_name: v.legal_name.trim() || null,
    contact_phone: v.contact_phone.trim() || null,
    status: v.status,
    ...(v.settlement_account.trim() ? { settlement_account: v.settlement_account.trim() } : {}),
  }
}

export const MerchantFormFields = ({ values, onChange, errors, maskedAccount }: {
  values: MerchantFormValues
  onChange: (v: MerchantFormValues) => void
  errors: Partial<Record<keyof MerchantFormValues, string>>
  maskedAccount?: string | null
}) => {
  const set = (key: keyof MerchantFormValues) => (e: ChangeEvent<HTMLInputElement>) => onChange({ ...values, [key]: e.target.value })
  return (
    <div className="flex flex-col gap-y-4">
      <Field label="Name 商戶名稱" htmlFor="merchant-name" error={errors.name}>
        <Input id="merchant-name" value={values.name} onChange={set("name")} placeholder="Golden Dragon 金龍酒家" autoComplete="off" />
      </Field>
      <Field label="Legal name 法定名稱" htmlFor="merchant-legal" optional>
        <Input id="merchant-legal" value={values.legal_name} onChange={set("legal_name")} placeholder="上海金龍餐飲有限公司" autoComplete="off" />
      </Field>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label="Contact phone 聯繫電話" htmlFor="merchant-phone" optional error={errors.contact_phone}>
          <Input id="merchant-phone" value={values.contact_phone} onChange={set("contact_phone")} placeholder="+86 21 5555 0100" autoComplete="off" />
        </Field>
        <Field label="Status 狀態" htmlFor="merchant-status">
          <Select value={values.status} onValueChange={(status) => onChange({ ...values, status: status as Merchant["status"] })}>
            <Select.Trigger id="merchant-status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="active">Active 營業中</Select.Item>
              <Select.Item value="suspended">Suspended 已暫停</Select.Item>
            </Select.Content>
          </Select>
        </Field>
      </div>
      <Field
        label={maskedAccount ? "New settlement account 新結算賬戶" : "Settlement account 結算賬戶"}
        htmlFor="merchant-account"
        optional
        error={errors.settlement_account}
        hint={maskedAccount
          ? `Current: ${maskedAccount}. Leave empty to keep it. The number is stored encrypted and never shown again.`
          : "Bank card or account number. Stored encrypted; afterwards only the last 4 digits are shown."}
      >
        <Input id="merchant-account" value={values.settlement_account} onChange={set("settlement_account")} placeholder="6222 0212 3456 7812" autoComplete="off" />
      </Field>
    </div>
  )
}
