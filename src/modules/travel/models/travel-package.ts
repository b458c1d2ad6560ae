import { model } from "@medusajs/framework/utils"

// A tour: what the operator sells, day by day. Its Medusa product (link travel-package-product)
// carries the title, price list and the voucher template; departures say when and for how much.
const TravelPackage = model
  .define("travel_package", {
    id: model.id({ prefix: "tpkg" }).primaryKey(),
    handle: model.text(),
    // the variant booked for every place; its voucher template turns each place into a voucher
    variant_id: model.text().nullable(),
    merchant_id: model.text().nullable(),
    title: model.text(),
    subtitle: model.text().nullable(),
    destination: model.text(),
    city: model.text(),
    days: model.number(),
    nights: model.number().default(0),
    summary: model.text().nullable(),
    // { days: [{ day, title, description, meals?, stay? }] }
    itinerary: model.json().default({ days: [] } as any),
    // { included: string[], excluded: string[] }
    inclusions: model.json().default({ included: [], excluded: [] } as any),
    // { urls: string[] }
    images: model.json().default({ urls: [] } as any),
    // { tiers: [{ min_days, percent }] }, Asia/Shanghai calendar days before departure
    cancellation_tiers: model.json().default({ tiers: [] } as any),
    status: model.enum(["published", "draft"]).default("published"),
  })
  .indexes([{ on: ["handle"], unique: true, where: "deleted_at IS NULL" }])

export default TravelPackage
