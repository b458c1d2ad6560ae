import { MedusaError } from "@medusajs/framework/utils"
import { RightsError } from "./rules"

/** A RightsError as the MedusaError our routes answer with: 400 `{ code, message }`. */
export function toMedusaError(e: unknown): unknown {
  if (e instanceof RightsError) return new MedusaError(MedusaError.Types.NOT_ALLOWED, e.message, e.code)
  return e
}

export function rightsError(code: RightsError["code"], message: string) {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}
