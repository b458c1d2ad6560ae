import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VOUCHER_MODULE } from "../../modules/voucher"
import type VoucherModuleService from "../../modules/voucher/service"
import type { TerminalIdentity } from "../../modules/voucher/service"
import type { TerminalResult } from "../../modules/voucher/terminal-errors"

export type RedeemVoucherInput = {
  terminal: TerminalIdentity
  code: string
  amount?: number
  idempotency_key: string
  request_hash: string
}

export const redeemVoucherStep = createStep(
  "redeem-voucher",
  async (input: RedeemVoucherInput, { container }) => {
    const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
    const result: TerminalResult = await vouchers.redeemAtTerminal(input)
    const redemption = (result.body as any).redemption
    return new StepResponse(result, result.status === 201 && redemption ? { id: redemption.id, terminal: input.terminal } : undefined)
  },
  async (done, { container }) => {
    if (!done) return
    // a later step failed: give the amount back exactly as a terminal reversal would
    const vouchers: VoucherModuleService = container.resolve(VOUCHER_MODULE)
    await vouchers.reverseAtTerminal({
      terminal: done.terminal,
      redemption_id: done.id,
      idempotency_key: `compensate:${done.id}`,
      request_hash: `compensate:${done.id}`,
      window_minutes: Number.MAX_SAFE_INTEGER / 60000,
    })
  }
)
