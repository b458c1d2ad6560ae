import { sha256Hex } from "../../../lib/secrets"
import { TerminalRequest } from "./terminal-context"

/** What "the same request" means for an Idempotency-Key: method, path and exact body bytes. */
export function requestHash(req: TerminalRequest): string {
  return sha256Hex(`${req.method}\n${req.path}\n${(req.rawBody ?? Buffer.alloc(0)).toString("utf8")}`)
}
