import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { VOUCHER_MODULE } from "../modules/voucher"
import { captureVoucherOrderPaymentStep } from "./steps/capture-voucher-order-payment-step"
import { issueVouchersStep } from "./steps/issue-vouchers-step"
import { loadOrderVoucherLinesStep } from "./steps/load-order-voucher-lines"

export const issueOrderVouchersWorkflow = createWorkflow("issue-order-vouchers", (input: { order_id: string }) => {
  const lines = loadOrderVoucherLinesStep(input)
  const capture = transform({ input, lines }, ({ input, lines }) => ({ order_id: input.order_id, voucher_lines: lines.length }))
  captureVoucherOrderPaymentStep(capture)
  const issued = issueVouchersStep(lines)
  const links = transform({ issued }, ({ issued }) =>
    issued.map((v) => ({ [Modules.ORDER]: { order_id: v.order_id }, [VOUCHER_MODULE]: { issued_voucher_id: v.id } }))
  )
  createRemoteLinkStep(links)
  return new WorkflowResponse(issued)
})
