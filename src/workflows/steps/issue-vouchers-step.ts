import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VOUCHER_MODULE } from "../../modules/voucher"
import type VoucherModuleService from "../../modules/voucher/service"
import { unitOverrides } from "../../modules/voucher/unit-overrides"
import { voucherValidity } from "../../modules/voucher/validity"
import type { VoucherLine } from "./load-order-voucher-lines"

/**
 * One voucher per unit. Idempotent on (line item, unit index): a re-run after a crash issues only
 * the missing units, and the compensation deletes exactly the vouchers this run created.
 */
export const issueVouchersStep = createStep(
  "issue-vouchers",
  async (lines: VoucherLine[], { container }) => {
    const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
    const created: string[] = []
    const all: { id: string; order_id: string }[] = []
    for (const line of lines) {
      const existing = await vouchers.listIssuedVouchers({ line_item_id: line.line_item_id }, { select: ["id", "unit_index", "order_id"] })
      const have = new Set(existing.map((v: any) => v.unit_index))
      existing.forEach((v: any) => all.push({ id: v.id, order_id: line.order_id }))
      const t = line.template as Record<string, any> & { validity_type: string }
      const { valid_from, expires_at } = voucherValidity(t, new Date(line.ordered_at))
      for (let unit = 0; unit < line.quantity; unit++) {
        if (have.has(unit)) continue
        const scene = unitOverrides(line.metadata, unit)
        const unitVoucher = {
          template_id: t.id,
          merchant_id: t.merchant_id,
          customer_id: line.customer_id,
          order_id: line.order_id,
          line_item_id: line.line_item_id,
          unit_index: unit,
          kind: t.kind,
          title: t.title,
          usage: t.usage,
          face_value: t.face_value,
          balance: t.face_value,
          currency_code: t.currency_code,
          valid_from: scene.valid_from ?? valid_from,
          expires_at: scene.expires_at ?? expires_at,
          details: scene.details,
          allowed_store_ids: t.allowed_store_ids ?? { ids: [] },
          allowed_weekdays: t.allowed_weekdays ?? { days: [] },
        }
        let voucher: any
        try {
          voucher = (await vouchers.createVoucherWithCode(unitVoucher)).voucher
        } catch (e: any) {
          // a concurrent run (a redelivered order.placed) issued this unit first: the unique
          // (line item, unit) index says so, and that voucher is the one to keep
          if (/line_item_id/.test(String(e?.message))) continue
          throw e
        }
        created.push(voucher.id)
        all.push({ id: voucher.id, order_id: line.order_id })
      }
    }
    return new StepResponse(all, created)
  },
  async (created, { container }) => {
    if (!created?.length) return
    const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
    await vouchers.deleteIssuedVouchers(created)
  }
)
