import { Checkbox, Input, Label, Select, Switch, Text, Textarea } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import {
  type BenefitFormErrors,
  type BenefitFormValues,
  FUNDERS,
  KINDS,
  PERIODS,
  SCENES,
  SCOPE_TYPES,
} from "../../../../lib/benefit-program-form"
import type { BenefitKind, Funder, QuotaPeriod, ScopeType } from "../../../../lib/rights-api"
import { useCustomerGroups } from "../../../../lib/rights-api"
import { sdk } from "../../../../lib/sdk"
import { WEEKDAYS } from "../../../../lib/store-hours"
import { Field } from "../../merchants/components/field"

export const useCategories = () =>
  useQuery({
    queryKey: ["palmlife", "categories", "all"],
    queryFn: () => sdk.admin.productCategory.list({ limit: 500, fields: "id,name,handle" }),
  })

/** Titles of the products some programs are scoped to. */
export const useProductTitles = (ids: string[]) =>
  useQuery({
    queryKey: ["palmlife", "product-titles", ids],
    enabled: ids.length > 0,
    queryFn: () => sdk.admin.product.list({ id: ids, limit: ids.length, fields: "id,title" }),
  })

const toggle = (days: number[], n: number) => (days.includes(n) ? days.filter((d) => d !== n) : [...days, n].sort((a, b) => a - b))

/** Mon … Sun checkboxes; none ticked means every day. */
export const WeekdaysPicker = ({ value, onChange, idPrefix }: { value: number[]; onChange: (days: number[]) => void; idPrefix: string }) => (
  <div className="flex flex-wrap gap-x-4 gap-y-2" role="group" aria-label="Weekdays">
    {WEEKDAYS.map((d) => {
      const n = Number(d.key)
      return (
        <div key={d.key} className="flex items-center gap-x-1.5">
          <Checkbox id={`${idPrefix}-day-${n}`} checked={value.includes(n)} onCheckedChange={() => onChange(toggle(value, n))} />
          <Label htmlFor={`${idPrefix}-day-${n}`} size="small">
            {d.short} {d.zh}
          </Label>
        </div>
      )
    })}
  </div>
)

const ProductPicker = ({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) => {
  const [q, setQ] = useState("")
  const results = useQuery({
    queryKey: ["palmlife", "product-search", q],
    queryFn: () => sdk.admin.product.list({ ...(q.trim() ? { q: q.trim() } : {}), limit: 20, fields: "id,title" }),
    placeholderData: (previous) => previous,
  })
  const chosen = useProductTitles(value ? [value] : [])
  const options = results.data?.products ?? []
  const chosenTitle = chosen.data?.products[0]?.title
  return (
    <Field label="Product 商品" htmlFor="benefit-product" error={error} hint={value ? `${chosenTitle ?? "…"} (${value})` : "Search by title, then choose"}>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input size="small" type="search" placeholder="Search products" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search products" />
        <Select value={value} onValueChange={onChange}>
          <Select.Trigger id="benefit-product">
            <Select.Value placeholder={results.isLoading ? "Loading…" : options.length ? "Choose a product" : "No products match"} />
          </Select.Trigger>
          <Select.Content>
            {value && !options.some((p) => p.id === value) && <Select.Item value={value}>{chosenTitle ?? value}</Select.Item>}
            {options.map((p) => (
              <Select.Item key={p.id} value={p.id}>
                {p.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    </Field>
  )
}

type Props = {
  values: BenefitFormValues
  onChange: (v: BenefitFormValues) => void
  errors: BenefitFormErrors
  /** "edit" shows only what can change after creation */
  mode: "create" | "edit"
}

export const BenefitFormFields = ({ values, onChange, errors, mode }: Props) => {
  const set = <K extends keyof BenefitFormValues>(key: K, value: BenefitFormValues[K]) => onChange({ ...values, [key]: value })
  const groups = useCustomerGroups()
  const categories = useCategories()
  const kind = KINDS.find((k) => k.value === values.kind)

  return (
    <div className="flex flex-col gap-y-4">
      <Field label="Name 名稱" htmlFor="benefit-name" error={errors.name} hint="What members see, e.g. ¥9.9 movie Wednesday 週三 9.9 元看電影">
        <Input id="benefit-name" value={values.name} onChange={(e) => set("name", e.target.value)} maxLength={120} autoComplete="off" />
      </Field>
      <Field label="Description 說明" htmlFor="benefit-description" optional error={errors.description}>
        <Textarea id="benefit-description" value={values.description} rows={2} onChange={(e) => set("description", e.target.value)} />
      </Field>

      {mode === "create" && (
        <>
          <Field label="Customer group 會員等級" htmlFor="benefit-group" error={errors.customer_group_id} hint="Members of this group get the benefit">
            <Select value={values.customer_group_id} onValueChange={(id) => set("customer_group_id", id)}>
              <Select.Trigger id="benefit-group">
                <Select.Value placeholder={groups.isLoading ? "Loading…" : "Choose a group"} />
              </Select.Trigger>
              <Select.Content>
                {(groups.data?.customer_groups ?? []).map((g) => (
                  <Select.Item key={g.id} value={g.id}>
                    {g.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>

          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Field label="Applies to 適用範圍" htmlFor="benefit-scope-type">
              <Select value={values.scope_type} onValueChange={(t) => onChange({ ...values, scope_type: t as ScopeType, scope_value: "" })}>
                <Select.Trigger id="benefit-scope-type">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {SCOPE_TYPES.map((s) => (
                    <Select.Item key={s.value} value={s.value}>
                      {s.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
            {values.scope_type === "scene" && (
              <Field label="Scene 場景" htmlFor="benefit-scene" error={errors.scope_value}>
                <Select value={values.scope_value} onValueChange={(h) => set("scope_value", h)}>
                  <Select.Trigger id="benefit-scene">
                    <Select.Value placeholder="Choose a scene" />
                  </Select.Trigger>
                  <Select.Content>
                    {SCENES.map((s) => (
                      <Select.Item key={s.handle} value={s.handle}>
                        {s.zh} {s.en}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </Field>
            )}
            {values.scope_type === "category" && (
              <Field label="Category 類目" htmlFor="benefit-category" error={errors.scope_value}>
                <Select value={values.scope_value} onValueChange={(id) => set("scope_value", id)}>
                  <Select.Trigger id="benefit-category">
                    <Select.Value placeholder={categories.isLoading ? "Loading…" : "Choose a category"} />
                  </Select.Trigger>
                  <Select.Content>
                    {(categories.data?.product_categories ?? []).map((c) => (
                      <Select.Item key={c.id} value={c.id}>
                        {c.name} ({c.handle})
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </Field>
            )}
          </div>
          {values.scope_type === "product" && <ProductPicker value={values.scope_value} onChange={(id) => set("scope_value", id)} error={errors.scope_value} />}

          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <Field label="Kind 類型" htmlFor="benefit-kind" hint={kind?.hint}>
              <Select value={values.kind} onValueChange={(k) => onChange({ ...values, kind: k as BenefitKind, cap: "" })}>
                <Select.Trigger id="benefit-kind">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {KINDS.map((k) => (
                    <Select.Item key={k.value} value={k.value}>
                      {k.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
            <Field label={values.kind === "percent_off" ? "Percent off 折扣 (%)" : values.kind === "fixed_price" ? "Price 價格 (¥)" : "Amount off 立減 (¥)"} htmlFor="benefit-value" error={errors.value}>
              <Input
                id="benefit-value"
                inputMode="decimal"
                autoComplete="off"
                placeholder={values.kind === "percent_off" ? "10" : values.kind === "fixed_price" ? "9.9" : "5"}
                value={values.value}
                onChange={(e) => set("value", e.target.value)}
              />
            </Field>
            {values.kind === "percent_off" && (
              <Field label="Cap 上限 (¥)" htmlFor="benefit-cap" optional error={errors.cap} hint="Most it takes off one use">
                <Input id="benefit-cap" inputMode="decimal" autoComplete="off" placeholder="20" value={values.cap} onChange={(e) => set("cap", e.target.value)} />
              </Field>
            )}
          </div>
        </>
      )}

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label="Quota 次數" htmlFor="benefit-quota" error={errors.quota} hint="Uses per customer in each period">
          <Input id="benefit-quota" inputMode="numeric" autoComplete="off" value={values.quota} onChange={(e) => set("quota", e.target.value)} />
        </Field>
        {mode === "create" ? (
          <Field label="Period 週期" htmlFor="benefit-period" hint="Shanghai calendar; weeks start on Monday">
            <Select value={values.quota_period} onValueChange={(p) => set("quota_period", p as QuotaPeriod)}>
              <Select.Trigger id="benefit-period">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {PERIODS.map((p) => (
                  <Select.Item key={p.value} value={p.value}>
                    {p.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
        ) : (
          <Field label="Period 週期">
            <Text size="small" className="text-ui-fg-subtle pt-1.5">
              per {PERIODS.find((p) => p.value === values.quota_period)?.per} (cannot change)
            </Text>
          </Field>
        )}
      </div>

      {mode === "create" && (
        <Field label="Funded by 出資方" htmlFor="benefit-funder" hint="Who bears the discount at settlement">
          <Select value={values.funder} onValueChange={(f) => set("funder", f as Funder)}>
            <Select.Trigger id="benefit-funder">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {FUNDERS.map((f) => (
                <Select.Item key={f.value} value={f.value}>
                  {f.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      )}

      <Field label="Days 適用日" hint="None ticked: every day" optional>
        <WeekdaysPicker value={values.weekdays} onChange={(d) => set("weekdays", d)} idPrefix={`benefit-${mode}`} />
      </Field>

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field label="First day 開始日" htmlFor={`benefit-${mode}-first`} optional error={errors.first_day} hint="From 00:00 Shanghai time; empty = already running">
          <Input id={`benefit-${mode}-first`} type="date" value={values.first_day} onChange={(e) => set("first_day", e.target.value)} />
        </Field>
        <Field label="Last day 結束日" htmlFor={`benefit-${mode}-last`} optional error={errors.last_day} hint="Through 23:59 Shanghai time; empty = no end">
          <Input id={`benefit-${mode}-last`} type="date" value={values.last_day} onChange={(e) => set("last_day", e.target.value)} />
        </Field>
      </div>

      <div className="flex items-start justify-between gap-x-4 rounded-lg border px-4 py-3">
        <div className="flex flex-col">
          <Label htmlFor={`benefit-${mode}-status`} size="small" weight="plus">
            Active 啟用
          </Label>
          <Text size="small" className="text-ui-fg-subtle">
            A paused program is not offered at checkout; quotas already used stay used.
          </Text>
        </div>
        <Switch id={`benefit-${mode}-status`} checked={values.status === "active"} onCheckedChange={(on) => set("status", on ? "active" : "paused")} />
      </div>
    </div>
  )
}
