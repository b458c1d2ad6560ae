import { model } from "@medusajs/framework/utils"

// One place on a departure and who takes it. The document number and the phone exist only
// encrypted (AES-GCM under PALMLIFE_SECRET_KEY) and masked; an HMAC finds the same person twice
// on one departure without revealing the number.
const TravelTraveller = model
  .define("travel_traveller", {
    id: model.id({ prefix: "ttrv" }).primaryKey(),
    hold_id: model.text(),
    departure_id: model.text(),
    cart_id: model.text(),
    line_item_id: model.text().nullable(),
    order_id: model.text().nullable(),
    type: model.enum(["adult", "child", "senior"]),
    name: model.text(),
    id_type: model.text(),
    id_number_encrypted: model.text(),
    id_number_masked: model.text(),
    id_number_hmac: model.text(),
    phone_encrypted: model.text(),
    phone_masked: model.text(),
    single_room: model.boolean().default(false),
    unit_price: model.number(),
    status: model.enum(["held", "booked", "released", "cancelled"]).default("held"),
  })
  .indexes([
    { on: ["hold_id"] },
    { on: ["line_item_id"] },
    { on: ["departure_id", "status"] },
    // one place per person per departure while it is held or booked
    { on: ["departure_id", "id_number_hmac"], unique: true, where: "status IN ('held', 'booked') AND deleted_at IS NULL" },
  ])

export default TravelTraveller
