import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

// Wire types of /admin/voucher-templates. face_value is integer fen (¥100 → 10000).

export type VoucherKind = "meal" | "movie" | "travel" | "mall"
export type RefundPolicy = "refundable" | "refundable_unused" | "non_refundable"

export type VoucherTemplateInput = {
  product_variant_id: string
  merchant_id: string
  kind: VoucherKind
  title: string
  face_value: number
  usage: "single_use" | "stored_value"
  validity_type: "fixed" | "days_after_purchase"
  valid_from: string | null
  valid_until: string | null
  valid_days: number | null
  allowed_store_ids: string[]
  allowed_weekdays: number[]
  refund_policy: RefundPolicy
  auto_refund_on_expiry: boolean
}

export type VoucherTemplate = VoucherTemplateInput & {
  id: string
  currency_code: string
  merchant?: { id: string; name: string }
  created_at: string
  updated_at: string
}

const keys = {
  byVariants: (variantIds: string[]) => ["palmlife", "voucher-templates", { variantIds }] as const,
  all: ["palmlife", "voucher-templates"] as const,
}

export const useVoucherTemplates = (variantIds: string[]) =>
  useQuery({
    queryKey: keys.byVariants(variantIds),
    enabled: variantIds.length > 0,
    queryFn: () =>
      sdk.client.fetch<{ voucher_templates: VoucherTemplate[]; count: number }>("/admin/voucher-templates", {
        query: { product_variant_id: variantIds, limit: 200 },
      }),
  })

export function useSaveVoucherTemplate() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: VoucherTemplateInput) =>
      sdk.client.fetch<{ voucher_template: VoucherTemplate }>("/admin/voucher-templates", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  })
}

export function useDeleteVoucherTemplate() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/voucher-templates/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  })
}
