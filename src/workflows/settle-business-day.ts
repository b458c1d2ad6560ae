import { createHook, createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { shanghaiMidnight } from "../lib/shanghai-time"
import { RIGHTS_MODULE } from "../modules/rights"
import type RightsModuleService from "../modules/rights/service"
import { SETTLEMENT_MODULE } from "../modules/settlement"
import type SettlementModuleService from "../modules/settlement/service"
import { VOUCHER_MODULE } from "../modules/voucher"
import type VoucherModuleService from "../modules/voucher/service"
import { postMallDeliveriesBetween, postPointsMovements, postVoucherActivity, postVoucherExpiry, postVoucherRefund } from "./settlement-postings"

type Input = { business_date: string }

const dayWindow = (date: string) => {
  const [y, m, d] = date.split("-").map(Number)
  return { from: shanghaiMidnight(y, m, d), to: shanghaiMidnight(y, m, d + 1) }
}

const PAGE = 500

/**
 * Catch-up before closing: anything that happened on the day but was not posted yet (a lost event,
 * a crash between a redemption and its posting) is posted now. Postings are exactly-once by key.
 */
const postPendingStep = createStep("settlement-post-pending", async (input: Input, { container }) => {
  const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
  const rights: RightsModuleService = container.resolve(RIGHTS_MODULE)
  const { from, to } = dayWindow(input.business_date)
  const touched = new Set<string>()
  for (const field of ["created_at", "reversed_at"]) {
    for (let skip = 0; ; skip += PAGE) {
      const page = await vouchers.listRedemptions({ [field]: { $gte: from, $lt: to } } as any, { select: ["voucher_id"], take: PAGE, skip, order: { id: "ASC" } })
      page.forEach((r: any) => touched.add(r.voucher_id))
      if (page.length < PAGE) break
    }
  }
  let posted = 0
  posted += await postVoucherActivity(container, [...touched])
  for (let skip = 0; ; skip += PAGE) {
    const page = await vouchers.listIssuedVouchers(
      { status: ["expired", "refunded"], updated_at: { $gte: from, $lt: to } } as any,
      { select: ["id", "status", "updated_at"], take: PAGE, skip, order: { id: "ASC" } }
    )
    for (const v of page as any[]) {
      if (v.status === "expired") posted += (await postVoucherExpiry(container, v.id, new Date(v.updated_at))) ? 1 : 0
      else {
        const [r] = await rights.listRightsRefunds({ refund_key: `voucher:${v.id}` })
        posted += (await postVoucherRefund(container, v.id, { cash_back: Number(r?.cash ?? 0), points_back: Number(r?.points ?? 0), at: new Date(v.updated_at) })) ? 1 : 0
      }
    }
    if (page.length < PAGE) break
  }
  posted += await postPointsMovements(container, { created_from: from, created_to: to })
  // mall goods delivered on the day (a lost delivery.created)
  posted += await postMallDeliveriesBetween(container, from, to)
  return new StepResponse({ posted })
})

const closeDayStep = createStep(
  "settlement-close-day",
  async (input: Input, { container }) => {
    const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
    const { created } = await settlement.closeBusinessDay(input.business_date)
    return new StepResponse(created, created ? input.business_date : null)
  },
  async (date, { container }) => {
    if (!date) return
    const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
    await settlement.reopenBusinessDay(date)
  }
)

const calculateBatchesStep = createStep(
  "settlement-calculate-batches",
  async (input: Input, { container }) => {
    const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
    const created = await settlement.calculateBatches(input.business_date)
    return new StepResponse(created, created ? input.business_date : null)
  },
  async (date, { container }) => {
    if (!date) return
    const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
    await settlement.discardCalculatedBatches(date)
  }
)

const summarizeStep = createStep("settlement-summarize-day", async (input: Input, { container }) => {
  const settlement: SettlementModuleService = container.resolve(SETTLEMENT_MODULE)
  return new StepResponse(await settlement.summarizeDay(input.business_date))
})

/**
 * T+1 settlement of one business day (Asia/Shanghai): catch up postings, close the day, one batch
 * per merchant, summary. Every step is idempotent, so a rerun changes nothing and a run that
 * crashed midway finishes where it stopped.
 */
export const settleBusinessDayWorkflow = createWorkflow("settle-business-day", (input: Input) => {
  postPendingStep(input)
  closeDayStep(input)
  calculateBatchesStep(input)
  const batchesCalculated = createHook("batchesCalculated", { business_date: input.business_date })
  const summary = summarizeStep(input)
  return new WorkflowResponse(summary, { hooks: [batchesCalculated] })
})
