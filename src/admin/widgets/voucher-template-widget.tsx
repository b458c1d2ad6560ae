import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Checkbox,
  Container,
  Drawer,
  Heading,
  Input,
  Label,
  RadioGroup,
  Select,
  Switch,
  Table,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { errorMessage, useMerchants, useMerchantStores } from "../lib/merchants-api"
import { sdk } from "../lib/sdk"
import { shanghaiDay } from "../lib/shanghai-date"
import { WEEKDAYS } from "../lib/store-hours"
import {
  KIND_LABELS,
  REFUND_LABELS,
  type TemplateFormErrors,
  templateFormToInput,
  type TemplateFormValues,
  templateFormValues,
} from "../lib/voucher-template-form"
import {
  type RefundPolicy,
  useDeleteVoucherTemplate,
  useSaveVoucherTemplate,
  useVoucherTemplates,
  type VoucherKind,
  type VoucherTemplate,
} from "../lib/voucher-templates-api"
import { formatFen } from "../lib/yuan"

type Variant = { id: string; title: string | null; sku: string | null }

const SCENES: VoucherKind[] = ["meal", "movie", "travel", "mall"]

/** The scene of a product from its categories (handles meal / movie / travel / mall), meal otherwise. */
const kindOf = (product: AdminProduct): VoucherKind =>
  (product.categories ?? []).map((c) => c?.handle).find((h): h is VoucherKind => SCENES.includes(h as VoucherKind)) ?? "meal"

const validitySummary = (t: VoucherTemplate) =>
  t.validity_type === "fixed" ? `${shanghaiDay(t.valid_from)} → ${shanghaiDay(t.valid_until)}` : `${t.valid_days} days after purchase`

const FieldBlock = ({ label, error, hint, children, htmlFor }: { label: string; error?: string; hint?: string; children: React.ReactNode; htmlFor?: string }) => (
  <div className="flex flex-col gap-y-2">
    <Label size="small" weight="plus" htmlFor={htmlFor}>
      {label}
    </Label>
    {children}
    {error ? (
      <Text size="xsmall" className="text-ui-fg-error">
        {error}
      </Text>
    ) : hint ? (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    ) : null}
  </div>
)

const TemplateDrawer = ({ variant, template, defaults, open, onOpenChange }: {
  variant: Variant | null
  template: VoucherTemplate | undefined
  defaults: { title: string; kind: VoucherKind }
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const [values, setValues] = useState<TemplateFormValues>(templateFormValues(template, defaults))
  const [errors, setErrors] = useState<TemplateFormErrors>({})
  const merchants = useMerchants({ limit: 200, offset: 0 })
  const stores = useMerchantStores(values.merchant_id, open)
  const save = useSaveVoucherTemplate()

  useEffect(() => {
    if (open) {
      setValues(templateFormValues(template, defaults))
      setErrors({})
    }
    // reset only when the drawer opens for a variant
  }, [open, variant?.id])

  const set = <K extends keyof TemplateFormValues>(key: K, value: TemplateFormValues[K]) => setValues((v) => ({ ...v, [key]: value }))
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item])

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!variant) return
    const result = templateFormToInput(variant.id, values)
    if ("errors" in result) return setErrors(result.errors)
    setErrors({})
    try {
      await save.mutateAsync(result.input)
      toast.success(`Voucher template saved for ${variant.title ?? variant.id}`)
      onOpenChange(false)
    } catch (error) {
      toast.error(errorMessage(error))
    }
  }

  const fen = templateFormToInput(variant?.id ?? "", values)
  const facePreview = "input" in fen ? formatFen(fen.input.face_value) : null

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Voucher template 券模板</Drawer.Title>
            <Drawer.Description>{variant ? `Variant ${variant.title ?? variant.id}${variant.sku ? ` · ${variant.sku}` : ""}` : ""}</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-5 overflow-y-auto">
            <FieldBlock label="Merchant 商戶" error={errors.merchant_id} htmlFor="vt-merchant"
              hint={merchants.data && !merchants.data.merchants.length ? "No merchants yet: create one under PalmLife → Merchants." : undefined}>
              <Select value={values.merchant_id} onValueChange={(id) => setValues((v) => ({ ...v, merchant_id: id, allowed_store_ids: [] }))}>
                <Select.Trigger id="vt-merchant">
                  <Select.Value placeholder="Select the merchant" />
                </Select.Trigger>
                <Select.Content>
                  {(merchants.data?.merchants ?? []).map((m) => (
                    <Select.Item key={m.id} value={m.id}>
                      {m.name}
                      {m.status === "suspended" ? " (suspended)" : ""}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FieldBlock>
            <FieldBlock label="Title 名稱" error={errors.title} htmlFor="vt-title" hint="Shown in the wallet and on the terminal.">
              <Input id="vt-title" value={values.title} onChange={(e) => set("title", e.target.value)} />
            </FieldBlock>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FieldBlock label="Kind 類型" htmlFor="vt-kind">
                <Select value={values.kind} onValueChange={(k) => set("kind", k as VoucherKind)}>
                  <Select.Trigger id="vt-kind">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {SCENES.map((k) => (
                      <Select.Item key={k} value={k}>
                        {KIND_LABELS[k]}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </FieldBlock>
              <FieldBlock label="Face value 面值 (¥)" error={errors.face_value_yuan} htmlFor="vt-face"
                hint={facePreview ? `${facePreview} = ${"input" in fen ? fen.input.face_value : ""} fen` : "What the voucher is worth at the merchant, e.g. 100 or 88.50."}>
                <Input id="vt-face" inputMode="decimal" value={values.face_value_yuan} onChange={(e) => set("face_value_yuan", e.target.value)} placeholder="100.00" autoComplete="off" />
              </FieldBlock>
            </div>
            <FieldBlock label="Usage 使用方式">
              <RadioGroup value={values.usage} onValueChange={(u) => set("usage", u as TemplateFormValues["usage"])} className="flex flex-col gap-y-2">
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="single_use" id="vt-usage-single" />
                  <Label htmlFor="vt-usage-single" size="small">Single use 一次性 — redeemed whole in one visit</Label>
                </div>
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="stored_value" id="vt-usage-stored" />
                  <Label htmlFor="vt-usage-stored" size="small">Stored value 儲值 — spent in parts until the balance is 0</Label>
                </div>
              </RadioGroup>
            </FieldBlock>
            <FieldBlock label="Validity 有效期">
              <RadioGroup value={values.validity_type} onValueChange={(t) => set("validity_type", t as TemplateFormValues["validity_type"])} className="flex flex-col gap-y-2">
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="days_after_purchase" id="vt-valid-days" />
                  <Label htmlFor="vt-valid-days" size="small">A number of days after purchase 購買後 N 天</Label>
                </div>
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="fixed" id="vt-valid-fixed" />
                  <Label htmlFor="vt-valid-fixed" size="small">A fixed window 固定日期</Label>
                </div>
              </RadioGroup>
              {values.validity_type === "days_after_purchase" ? (
                <div className="flex items-center gap-x-2">
                  <Input aria-label="Valid days" className="w-28" inputMode="numeric" value={values.valid_days} onChange={(e) => set("valid_days", e.target.value)} />
                  <Text size="small" className="text-ui-fg-subtle">days (1–3650)</Text>
                </div>
              ) : (
                <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                  <Input aria-label="Valid from" type="date" value={values.valid_from_day} onChange={(e) => set("valid_from_day", e.target.value)} />
                  <Input aria-label="Valid until" type="date" value={values.valid_until_day} onChange={(e) => set("valid_until_day", e.target.value)} />
                </div>
              )}
              {(errors.valid_days || errors.valid_from_day || errors.valid_until_day) && (
                <Text size="xsmall" className="text-ui-fg-error">
                  {errors.valid_days ?? errors.valid_from_day ?? errors.valid_until_day}
                </Text>
              )}
              {values.validity_type === "fixed" && (
                <Text size="xsmall" className="text-ui-fg-subtle">Whole days in Asia/Shanghai time, first and last day included.</Text>
              )}
            </FieldBlock>
            <FieldBlock label="Allowed stores 適用門店" hint="None ticked: every store of the merchant.">
              {!values.merchant_id ? (
                <Text size="small" className="text-ui-fg-muted">Choose a merchant first.</Text>
              ) : stores.isLoading ? (
                <Text size="small" className="text-ui-fg-muted">Loading stores…</Text>
              ) : !(stores.data?.stores ?? []).length ? (
                <Text size="small" className="text-ui-fg-muted">This merchant has no stores yet.</Text>
              ) : (
                <div className="flex flex-col gap-y-2">
                  {(stores.data?.stores ?? []).map((s) => (
                    <div key={s.id} className="flex items-center gap-x-2">
                      <Checkbox
                        id={`vt-store-${s.id}`}
                        checked={values.allowed_store_ids.includes(s.id)}
                        onCheckedChange={() => set("allowed_store_ids", toggle(values.allowed_store_ids, s.id))}
                      />
                      <Label htmlFor={`vt-store-${s.id}`} size="small">
                        {s.name}
                        {s.status === "closed" ? " (closed)" : ""}
                      </Label>
                    </div>
                  ))}
                </div>
              )}
            </FieldBlock>
            <FieldBlock label="Weekdays 適用日" hint="None ticked: every day. Days are Asia/Shanghai calendar days.">
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {WEEKDAYS.map((d) => {
                  const n = Number(d.key)
                  return (
                    <div key={d.key} className="flex items-center gap-x-1.5">
                      <Checkbox id={`vt-day-${n}`} checked={values.allowed_weekdays.includes(n)} onCheckedChange={() => set("allowed_weekdays", toggle(values.allowed_weekdays, n))} />
                      <Label htmlFor={`vt-day-${n}`} size="small">
                        {d.short} {d.zh}
                      </Label>
                    </div>
                  )
                })}
              </div>
            </FieldBlock>
            <FieldBlock label="Refund policy 退款規則" htmlFor="vt-refund">
              <Select value={values.refund_policy} onValueChange={(p) => set("refund_policy", p as RefundPolicy)}>
                <Select.Trigger id="vt-refund">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {(Object.keys(REFUND_LABELS) as RefundPolicy[]).map((p) => (
                    <Select.Item key={p} value={p}>
                      {REFUND_LABELS[p]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FieldBlock>
            <div className="flex items-start gap-x-3">
              <Switch
                id="vt-auto-refund"
                checked={values.refund_policy !== "non_refundable" && values.auto_refund_on_expiry}
                disabled={values.refund_policy === "non_refundable"}
                onCheckedChange={(c) => set("auto_refund_on_expiry", c)}
              />
              <div className="flex flex-col">
                <Label htmlFor="vt-auto-refund" size="small" weight="plus">Auto-refund on expiry 過期自動退款</Label>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  When the voucher expires, its unused value is refunded to the customer the way it was paid.
                </Text>
              </div>
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">Cancel</Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={save.isPending}>Save</Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

const VoucherTemplateWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const variants = useQuery({
    queryKey: ["palmlife", "product-variants", product.id],
    queryFn: () => sdk.admin.product.listVariants(product.id, { fields: "id,title,sku", limit: 100 }),
  })
  const list: Variant[] = (variants.data?.variants ?? []).map((v) => ({ id: v.id, title: v.title ?? null, sku: v.sku ?? null }))
  const templates = useVoucherTemplates(list.map((v) => v.id))
  const byVariant = new Map((templates.data?.voucher_templates ?? []).map((t) => [t.product_variant_id, t]))
  const remove = useDeleteVoucherTemplate()
  const prompt = usePrompt()
  const [editing, setEditing] = useState<Variant | null>(null)

  const defaultsFor = (v: Variant | null) => ({
    title: [product.title, list.length > 1 ? v?.title : null].filter(Boolean).join(" · "),
    kind: kindOf(product),
  })

  const confirmRemove = async (v: Variant, t: VoucherTemplate) => {
    const ok = await prompt({
      title: "Remove the voucher template?",
      description: `Buying ${v.title ?? "this variant"} will no longer issue a voucher. Vouchers already issued keep their terms.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      await remove.mutateAsync(t.id)
      toast.success("Voucher template removed")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Voucher templates 券模板</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What buying each variant issues: a voucher the merchant verifies at its terminals.
          </Text>
        </div>
      </div>
      {variants.isLoading || templates.isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">Loading…</Text>
      ) : variants.isError || templates.isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(variants.error ?? templates.error)}</Text>
      ) : !list.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">This product has no variants.</Text>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell>Voucher</Table.HeaderCell>
                <Table.HeaderCell>Validity</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list.map((v) => {
                const t = byVariant.get(v.id)
                return (
                  <Table.Row key={v.id} data-testid={`voucher-template-${v.id}`}>
                    <Table.Cell>
                      <div className="flex flex-col py-1">
                        <span>{v.title ?? v.id}</span>
                        {v.sku && <span className="text-ui-fg-muted txt-compact-xsmall">{v.sku}</span>}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      {t ? (
                        <div className="flex flex-wrap items-center gap-1.5 py-1">
                          <Badge size="2xsmall" color="orange">{t.kind}</Badge>
                          <span className="text-ui-fg-base">{formatFen(t.face_value)}</span>
                          <span className="text-ui-fg-subtle">{t.usage === "stored_value" ? "stored value" : "single use"}</span>
                          {t.merchant && <span className="text-ui-fg-muted">· {t.merchant.name}</span>}
                        </div>
                      ) : (
                        <span className="text-ui-fg-muted">No voucher — sold as a plain product</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>{t ? validitySummary(t) : "–"}</Table.Cell>
                    <Table.Cell className="text-right">
                      <div className="flex items-center justify-end gap-x-1">
                        <Button size="small" variant="transparent" onClick={() => setEditing(v)}>
                          {t ? <PencilSquare /> : <Plus />}
                          {t ? "Edit" : "Set up"}
                        </Button>
                        {t && (
                          <Button size="small" variant="transparent" onClick={() => confirmRemove(v, t)} aria-label="Remove voucher template">
                            <Trash />
                          </Button>
                        )}
                      </div>
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      <TemplateDrawer
        variant={editing}
        template={editing ? byVariant.get(editing.id) : undefined}
        defaults={defaultsFor(editing)}
        open={!!editing}
        onOpenChange={(open) => !open && setEditing(null)}
      />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default VoucherTemplateWidget
