// Types for the JavaScript test server (kept in JS so it also runs as a plain `node cli.js`).

export interface WebhookEndpoint {
  id: string
  object: "webhook_endpoint"
  url: string
  secret: string
  enabled_events: string[]
  status: "enabled" | "disabled"
}

export interface WebhookDelivery {
  id: string
  endpoint_id: string
  url: string
  event_id: string
  type: string
  attempts: number
  status: number | null
  error: string | null
  delivered: boolean
  response_body: string | null
}

export interface StripeServerOptions {
  secretKey?: string | string[]
  publishableKey?: string | string[]
  port?: number
  host?: string
  webhooks?: { url: string; secret?: string; enabled_events?: string[] }[]
  /** fee on each captured charge, basis points of the amount (default 0) */
  feeBps?: number
  /** fixed fee on each captured charge, minor units (default 0) */
  feeFixed?: number
  /** days from capture to `available_on` (default 2) */
  settlementDays?: number
  /** extra delivery attempts after a failed webhook (default 2) */
  webhookRetries?: number
  log?: (line: string) => void
}

export interface StripeState {
  now(): number
  clockOffset: number
  find(id: string): any
  all(type: string): any[]
  snapshot(): Record<string, any[]>
}

export declare class StripeTestServer {
  constructor(options?: StripeServerOptions)
  readonly secretKey: string
  readonly publishableKey: string
  readonly url: string
  readonly port: number
  readonly state: StripeState
  endpoints: WebhookEndpoint[]
  deliveries: WebhookDelivery[]
  listen(): Promise<string>
  close(): Promise<void>
  /** `{ host, port, protocol, telemetry }` for `new Stripe(key, options)` */
  clientOptions(): { host: string; port: number; protocol: "http" | "https"; telemetry: false }
  reset(options?: { endpoints?: boolean }): void
  addWebhookEndpoint(endpoint: { url: string; secret?: string; enabled_events?: string[] }): WebhookEndpoint
  flushWebhooks(): Promise<WebhookDelivery[]>
}

export declare const DEFAULT_SECRET_KEY: string
export declare const DEFAULT_PUBLISHABLE_KEY: string
export declare const API_VERSION: string
export declare const TEST_CARDS: { names: string[]; number: string; brand: string; funding: string; country: string; behaviour: string }[]

export declare function createStripeServer(options?: StripeServerOptions): StripeTestServer
export declare function startStripeServer(options?: StripeServerOptions): Promise<StripeTestServer>

export declare function computeSignature(payload: string, secret: string, timestamp: number): string
export declare function signatureHeader(payload: string, secret: string, timestamp?: number): string
export declare function buildEvent(
  type: string,
  object: any,
  options?: { created?: number; previousAttributes?: any; requestId?: string | null; idempotencyKey?: string | null; id?: string }
): { id: string; object: "event"; type: string; created: number; data: { object: any; previous_attributes?: any }; [k: string]: any }
export declare function signedEventRequest(event: any, secret: string, timestamp?: number): { payload: string; headers: Record<string, string> }
export declare function verifySignatureHeader(payload: string, header: string, secret: string, toleranceSeconds?: number, now?: number): boolean
export declare function parseForm(body: string): Record<string, any>
export declare function encodeForm(data: Record<string, any>): string
