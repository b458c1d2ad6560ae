import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    describe("platform foundation", () => {
      it("answers the health check", async () => {
        const res = await api.get("/health")
        expect(res.status).toEqual(200)
        expect(res.data).toEqual("OK")
      })
    })
  },
})
