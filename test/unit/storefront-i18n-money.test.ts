import en from "../../storefront/messages/en.json"
import zh from "../../storefront/messages/zh-CN.json"
import { createT } from "../../storefront/lib/i18n/translate"
import { formatMoney } from "../../storefront/lib/money"

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()

describe("storefront messages", () => {
  it("has the same keys in zh-CN and en, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(typeof value === "string" && value.trim().length > 0 ? key : `${key} is empty`).toEqual(key)
    }
  })

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect([key, placeholders((en as any)[key])]).toEqual([key, placeholders(zh[key])])
    }
  })

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = createT({ ...zh, "x.test": "共 {count} 件, {missing}" } as any)
    expect(t("x.test" as any, { count: 3 })).toEqual("共 3 件, {missing}")
  })
})

describe("formatMoney (store API amounts are major units)", () => {
  it("formats CNY with the yuan sign and two decimals in both locales", () => {
    expect(formatMoney(88, "zh-CN")).toEqual("¥88.00")
    expect(formatMoney(88, "en")).toEqual("¥88.00")
    expect(formatMoney(39.9, "zh-CN")).toEqual("¥39.90")
    expect(formatMoney(1288, "en")).toEqual("¥1,288.00")
  })

  it("accepts numeric strings and treats missing or garbage amounts as zero", () => {
    expect(formatMoney("88", "zh-CN")).toEqual("¥88.00")
    expect(formatMoney(undefined, "zh-CN")).toEqual("¥0.00")
    expect(formatMoney("abc", "en")).toEqual("¥0.00")
  })
})
