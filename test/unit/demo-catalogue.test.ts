import { CATEGORIES, PRODUCTS } from "../../src/scripts/seed/catalogue"
import { renderArtwork } from "../../src/scripts/seed/images"

const HAN = /[\u3400-\u9fff]/

describe("demo catalogue", () => {
  it("has the four scenes with at least 8 products each", () => {
    expect(CATEGORIES.map((c) => c.handle).sort()).toEqual(["mall", "meal", "movie", "travel"])
    for (const scene of ["meal", "movie", "mall", "travel"]) {
      expect([scene, PRODUCTS.filter((p) => p.scene === scene).length >= 8]).toEqual([scene, true])
    }
  })

  it("gives every product a unique ASCII handle, a Chinese title, an English subtitle and priced variants", () => {
    const handles = PRODUCTS.map((p) => p.handle)
    expect(new Set(handles).size).toEqual(handles.length)
    for (const p of PRODUCTS) {
      expect(p.handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(p.title).toMatch(HAN)
      expect(p.subtitle).toMatch(/[A-Za-z]/)
      expect(p.subtitle).not.toMatch(HAN)
      expect(p.variants.length).toBeGreaterThanOrEqual(1)
      for (const v of p.variants) {
        expect(v.price).toBeGreaterThan(0)
        // prices are major units with at most fen precision
        expect(Math.round(v.price * 100) / 100).toEqual(v.price)
      }
    }
  })

  it("stocks every mall variant and no voucher variant", () => {
    for (const p of PRODUCTS) {
      for (const v of p.variants) {
        if (p.scene === "mall") expect(v.stock).toBeGreaterThan(0)
        else expect(v.stock).toBeUndefined()
      }
    }
  })

  it("sells the Golden Dragon ¥100 stored-value voucher at ¥88", () => {
    const p = PRODUCTS.find((x) => x.handle === "golden-dragon-100-voucher")
    expect(p?.scene).toEqual("meal")
    expect(p?.variants.map((v) => v.price)).toEqual([88])
    expect(JSON.stringify(p)).toContain("Golden Dragon")
    expect(JSON.stringify(p)).toContain("10000")
  })
})

describe("demo artwork", () => {
  it("escapes text so a title cannot break the SVG", () => {
    const svg = renderArtwork({ handle: "x", scene: "mall", title: "茶 & <b>咖啡</b>", subtitle: 'Tea "&" coffee' })
    expect(svg.startsWith("<svg") || svg.startsWith("<?xml")).toBe(true)
    expect(svg).toContain("茶 &amp; &lt;b&gt;咖啡&lt;/b&gt;")
    expect(svg).not.toContain("<b>")
  })
})
