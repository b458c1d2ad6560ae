import { stackUrls } from "../support/browser"

jest.setTimeout(60 * 1000)

// The e2e backend runs as in production (NODE_ENV=production) on plain http, like the demo.
describe("admin console session on the production build", () => {
  it("keeps the operator signed in across requests with a cookie the browser can send back", async () => {
    const { backend } = stackUrls()
    const login = await fetch(`${backend}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@palmlife.dev", password: "palmlife" }),
    })
    expect(login.status).toEqual(200)
    const { token } = (await login.json()) as { token: string }

    const session = await fetch(`${backend}/auth/session`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    })
    expect(session.status).toEqual(200)
    const setCookie = session.headers.get("set-cookie") ?? ""
    expect(setCookie).toMatch(/connect\.sid=/)
    // a Secure cookie over http is dropped by the browser and the admin logs the operator out
    expect(setCookie.toLowerCase()).not.toContain("; secure")

    const cookie = setCookie.split(";")[0]
    const me = await fetch(`${backend}/admin/users/me`, { headers: { cookie } })
    expect(me.status).toEqual(200)
    expect(((await me.json()) as any).user.email).toEqual("admin@palmlife.dev")
  })
})
