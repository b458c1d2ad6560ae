import { MedusaError } from "@medusajs/framework/utils"
import type MerchantModuleService from "../../../modules/merchant/service"
import { terminalView } from "../merchants/merchant-views"

export async function retrieveTerminalOr404(merchants: MerchantModuleService, id: string) {
  const [terminal] = await merchants.listTerminals({ id }, { relations: ["store"] })
  if (!terminal) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Terminal with id: ${id} was not found`)
  return terminal
}

export async function terminalResponse(merchants: MerchantModuleService, id: string) {
  return { terminal: terminalView(await retrieveTerminalOr404(merchants, id)) }
}

/**
 * Applies a status change that is allowed only from some states. The change is one conditional
 * UPDATE; when it matches nothing we look again to tell "no such terminal" from "wrong state".
 */
export async function transitionOr4xx(
  merchants: MerchantModuleService,
  id: string,
  from: Array<"active" | "disabled" | "locked">,
  to: "active" | "disabled",
  refusal: (status: string) => string
) {
  const changed = await merchants.transitionTerminalStatus(id, from, to)
  if (changed) return terminalResponse(merchants, id)
  const terminal = await retrieveTerminalOr404(merchants, id)
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal(terminal.status))
}
