import { signRequest } from "../../packages/terminal-client/src/sign"
import { signTerminalRequest } from "../../src/lib/terminal-signature"
import { redeemAmount, redeemBlocker, shanghaiDayRange, shanghaiToday, shanghaiWeekday } from "../../src/modules/voucher/redeem-rules"

describe("terminal request signing", () => {
  it("the browser client (WebCrypto) and the server (node:crypto) agree byte for byte", async () => {
    const cases = [
      ["POST", "/terminal/v1/redeem", "1795000000", "abcdef0123456789", JSON.stringify({ code: "123456789012", amount: 3000 })],
      ["GET", "/terminal/v1/redemptions?from=2026-11-28", "1795000001", "n".repeat(64), ""],
      ["POST", "/terminal/v1/verify", "1", "0123456789abcdef", JSON.stringify({ code: "金龍 ✓" })],
    ]
    for (const [m, p, t, n, b] of cases) {
      expect(await signRequest("s3cret", m, p, t, n, b)).toEqual(signTerminalRequest("s3cret", m, p, t, n, b))
    }
  })

  it("matches an HMAC computed independently from the contract's formula", async () => {
    // openssl: printf 'POST\n/terminal/v1/verify\n1700000000\nnonce-nonce-nonce\n<sha256 of {}>' | openssl dgst -sha256 -hmac key
    const crypto = await import("node:crypto")
    const bodyHash = crypto.createHash("sha256").update("{}").digest("hex")
    const expected = crypto.createHmac("sha256", "key").update(`POST\n/terminal/v1/verify\n1700000000\nnonce-nonce-nonce\n${bodyHash}`).digest("hex")
    expect(await signRequest("key", "post", "/terminal/v1/verify", "1700000000", "nonce-nonce-nonce", "{}")).toEqual(expected)
  })
})

const base = {
  id: "v", merchant_id: "m", status: "active", usage: "stored_value", balance: 10000, face_value: 10000,
  valid_from: null, expires_at: null, allowed_store_ids: { ids: [] }, allowed_weekdays: { days: [] },
}

describe("redeem rules", () => {
  const now = new Date("2026-11-28T04:00:00Z") // Saturday 12:00 in Shanghai

  it("knows the Asia/Shanghai calendar", () => {
    expect(shanghaiWeekday(now)).toEqual(6)
    expect(shanghaiWeekday(new Date("2026-11-29T16:30:00Z"))).toEqual(1) // Monday 00:30 in Shanghai
    expect(shanghaiToday(new Date("2026-11-28T16:30:00Z"))).toEqual("2026-11-29")
    expect(shanghaiDayRange("2026-11-28").map((d) => d.toISOString())).toEqual(["2026-11-27T16:00:00.000Z", "2026-11-28T16:00:00.000Z"])
  })

  it("blocks by status, dates, store and weekday, in that order", () => {
    expect(redeemBlocker(base, "s", now)).toBeNull()
    expect(redeemBlocker({ ...base, status: "refunded" }, "s", now)?.code).toEqual("voucher_refunded")
    expect(redeemBlocker({ ...base, status: "redeemed", balance: 0 }, "s", now)?.code).toEqual("voucher_already_redeemed")
    expect(redeemBlocker({ ...base, expires_at: now }, "s", now)?.code).toEqual("voucher_expired")
    expect(redeemBlocker({ ...base, valid_from: new Date(now.getTime() + 1) }, "s", now)?.code).toEqual("voucher_not_yet_valid")
    expect(redeemBlocker({ ...base, allowed_store_ids: { ids: ["other"] } }, "s", now)?.code).toEqual("not_valid_at_this_store")
    expect(redeemBlocker({ ...base, allowed_store_ids: { ids: ["s"] } }, "s", now)).toBeNull()
    expect(redeemBlocker({ ...base, allowed_weekdays: { days: [1, 2, 3, 4, 5] } }, "s", now)?.code).toEqual("voucher_not_yet_valid")
    expect(redeemBlocker({ ...base, allowed_weekdays: { days: [6, 7] } }, "s", now)).toBeNull()
  })

  it("takes the whole balance for single-use and the asked amount for stored value", () => {
    expect(redeemAmount({ ...base, usage: "single_use", balance: 8800 }, undefined)).toEqual({ amount: 8800 })
    expect(redeemAmount({ ...base, usage: "single_use", balance: 8800 }, 100)).toMatchObject({ code: "invalid_request" })
    expect(redeemAmount(base, 3000)).toEqual({ amount: 3000 })
    expect(redeemAmount(base, 10001)).toMatchObject({ code: "insufficient_balance" })
    expect(redeemAmount(base, undefined)).toMatchObject({ code: "invalid_request" })
  })
})
