import { randomToken, signRequest } from "./sign"
import type {
  PairingResult,
  TerminalRedemption,
  TerminalResponse,
  TerminalStatement,
  TerminalStatementLine,
  TerminalVoucher,
  VerifiedVoucher,
} from "./types"

export * from "./types"
export { randomToken, sha256Hex, signRequest } from "./sign"

export type TerminalCredentials = { baseUrl: string; keyId: string; secret: string }
export type ClientOptions = {
  fetch?: typeof fetch
  /** unix seconds; injectable for tests of clock skew */
  now?: () => number
  nonce?: () => string
}

export type SignedRequest = { method: "GET" | "POST"; path: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }

async function readResponse<T>(res: Response): Promise<TerminalResponse<T>> {
  const text = await res.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : {}
  } catch {
    json = { code: "internal_error", message: text.slice(0, 200) }
  }
  if (res.ok) return { ok: true, status: res.status, data: json as T }
  return { ok: false, status: res.status, error: { code: json.code ?? "internal_error", message: json.message ?? res.statusText } }
}

export class TerminalClient {
  constructor(
    private readonly creds: TerminalCredentials,
    private readonly options: ClientOptions = {}
  ) {}

  /** Sends one signed request; `rawBody` lets tests send bytes that are not JSON. */
  async send<T>(req: SignedRequest): Promise<TerminalResponse<T>> {
    const body = req.rawBody ?? (req.body === undefined ? "" : JSON.stringify(req.body))
    const timestamp = String(this.options.now ? this.options.now() : Math.floor(Date.now() / 1000))
    const nonce = this.options.nonce ? this.options.nonce() : randomToken(16)
    const signature = await signRequest(this.creds.secret, req.method, req.path, timestamp, nonce, body)
    const doFetch = this.options.fetch ?? fetch
    const res = await doFetch(`${this.creds.baseUrl.replace(/\/$/, "")}${req.path}`, {
      method: req.method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        "x-terminal-key": this.creds.keyId,
        "x-timestamp": timestamp,
        "x-nonce": nonce,
        "x-signature": signature,
        ...req.headers,
      },
      body: req.method === "GET" ? undefined : body,
    })
    return readResponse<T>(res)
  }

  verify(code: string) {
    return this.send<{ voucher: VerifiedVoucher }>({ method: "POST", path: "/terminal/v1/verify", body: { code } })
  }

  /** amount in fen, only for stored-value vouchers; reuse idempotencyKey to retry safely. */
  redeem(code: string, opts: { amount?: number; idempotencyKey?: string } = {}) {
    return this.send<{ redemption: TerminalRedemption; voucher: TerminalVoucher }>({
      method: "POST",
      path: "/terminal/v1/redeem",
      body: opts.amount === undefined ? { code } : { code, amount: opts.amount },
      headers: { "idempotency-key": opts.idempotencyKey ?? randomToken(16) },
    })
  }

  reverse(redemptionId: string, opts: { idempotencyKey?: string } = {}) {
    return this.send<{ redemption: TerminalRedemption; voucher: TerminalVoucher }>({
      method: "POST",
      path: `/terminal/v1/redemptions/${encodeURIComponent(redemptionId)}/reverse`,
      body: {},
      headers: { "idempotency-key": opts.idempotencyKey ?? randomToken(16) },
    })
  }

  /** This store's redemptions; days are Asia/Shanghai calendar days (YYYY-MM-DD), default today. */
  redemptions(range: { from?: string; to?: string } = {}) {
    const qs = new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][]).toString()
    return this.send<{ redemptions: TerminalRedemption[]; count: number }>({ method: "GET", path: `/terminal/v1/redemptions${qs ? `?${qs}` : ""}` })
  }

  /** This merchant's settlement statements, newest first; days are Asia/Shanghai (YYYY-MM-DD), default the last 31. */
  statements(range: { from?: string; to?: string } = {}) {
    const qs = new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][]).toString()
    return this.send<{ statements: TerminalStatement[] }>({ method: "GET", path: `/terminal/v1/statements${qs ? `?${qs}` : ""}` })
  }

  /** One statement with a page of its lines; pass the answer's `next_after` as `after` for the next page. */
  statement(id: string, page: { limit?: number; after?: string } = {}) {
    const qs = new URLSearchParams(
      Object.entries(page)
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)])
    ).toString()
    return this.send<{ statement: TerminalStatement; lines: TerminalStatementLine[]; next_after: string | null }>({
      method: "GET",
      path: `/terminal/v1/statements/${encodeURIComponent(id)}${qs ? `?${qs}` : ""}`,
    })
  }

  static async pair(baseUrl: string, pairingCode: string, fetchImpl: typeof fetch = fetch): Promise<TerminalResponse<PairingResult>> {
    const res = await fetchImpl(`${baseUrl.replace(/\/$/, "")}/terminal/v1/pair`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pairing_code: pairingCode }),
    })
    return readResponse<PairingResult>(res)
  }
}
