import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { buyThroughStoreApi, walletVouchersFor } from "../support/store-purchase"
import seed from "../../src/scripts/seed"

jest.setTimeout(240 * 1000)

const demoJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "palmlife-aov-")), "demo.json")

medusaIntegrationTestRunner({
  inApp: true,
  env: { DEMO_JSON_PATH: demoJson },
  testSuite: ({ api, getContainer }) => {
    let demo: any
    let headers: Record<string, string>
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      process.env.DEMO_JSON_PATH = demoJson
      await seed({ container: getContainer(), args: [] } as any)
      demo = JSON.parse(fs.readFileSync(demoJson, "utf8"))
    })
    beforeEach(async () => {
      const auth = await api.post("/auth/customer/emailpass", demo.customer)
      headers = { authorization: `Bearer ${auth.data.token}`, "x-publishable-api-key": demo.publishable_key }
      const login = await api.post("/auth/user/emailpass", demo.admin)
      admin = { headers: { authorization: `Bearer ${login.data.token}` } }
    })

    const buyGoldenDragon = (quantity: number, handle?: string) => buyThroughStoreApi(api as any, headers, demo.customer.email, quantity, handle)
    const walletFor = (orderId: string, expected: number) => walletVouchersFor(api as any, headers, orderId, expected)

    it("lists an order's vouchers for operators with the last 4 digits of the code only, and refunds them", async () => {
      const order = await buyGoldenDragon(1)
      const [v] = await walletFor(order.id, 1)
      expect(v.code).toMatch(/^\d{12}$/)

      const { data } = await api.get(`/admin/orders/${order.id}/vouchers`, admin)
      expect(data.vouchers).toEqual([
        {
          id: v.id,
          title: v.title,
          kind: "meal",
          usage: v.usage,
          status: "active",
          balance: 100,
          face_value: 100,
          currency_code: "cny",
          expires_at: v.expires_at,
          code_last4: v.code.slice(-4),
          redemptions_count: 0,
        },
      ])
      expect(JSON.stringify(data)).not.toContain(v.code)
      expect(JSON.stringify(data)).not.toContain("code_encrypted")
      expect(JSON.stringify(data)).not.toContain("code_hmac")

      const anon = await api.get(`/admin/orders/${order.id}/vouchers`).catch((e) => e.response)
      expect(anon.status).toEqual(401)
      const customer = await api.get(`/admin/orders/${order.id}/vouchers`, { headers }).catch((e) => e.response)
      expect(customer.status).toEqual(401)
      const bogus = await api.get(`/admin/orders/${order.id}/vouchers?code=1`, admin).catch((e) => e.response)
      expect(bogus.status).toEqual(400)

      const { data: refunded } = await api.post(`/admin/vouchers/${v.id}/refund`, { note: "customer called" }, admin)
      expect(refunded.refund).toEqual({ voucher_id: v.id, order_id: order.id, amount: 88, currency_code: "cny", points_refunded: 0, points_clawed_back: 88, quota_restored: false })
      const { data: after } = await api.get(`/admin/orders/${order.id}/vouchers`, admin)
      expect(after.vouchers).toEqual([expect.objectContaining({ id: v.id, status: "refunded", balance: 0, face_value: 100 })])
      const again = await api.post(`/admin/vouchers/${v.id}/refund`, {}, admin).catch((e) => e.response)
      expect(again.status).toEqual(400)
      expect(again.data.type).toEqual("not_allowed")
    })

    it("answers an empty list for orders that issued no vouchers", async () => {
      const { data } = await api.get("/admin/orders/order_does_not_exist/vouchers", admin)
      expect(data).toEqual({ vouchers: [] })
    })
  },
})
