import { stackUrls } from "./browser"

/** A JSON call to the e2e stack's backend; `store` adds the publishable key. */
export async function backendApi(method: "GET" | "POST", url: string, opts: { token?: string; body?: unknown; store?: boolean } = {}) {
  const { backend, publishableKey } = stackUrls()
  const res = await fetch(`${backend}${url}`, {
    method,
    headers: {
      ...(opts.store ? { "x-publishable-api-key": publishableKey } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const text = await res.text()
  let body: any
  try {
    body = text ? JSON.parse(text) : {}
  } catch {
    body = { raw: text }
  }
  return { status: res.status, body }
}

export async function loginToken(actor: "customer" | "user", email: string, password: string): Promise<string> {
  const { status, body } = await backendApi("POST", `/auth/${actor}/emailpass`, { body: { email, password } })
  if (status !== 200 || !body.token) throw new Error(`${actor} login failed: ${status} ${JSON.stringify(body)}`)
  return body.token
}
