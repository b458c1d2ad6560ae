import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { fenToMajor } from "../../../../../lib/money"
import { TRAVEL_MODULE } from "../../../../../modules/travel"
import { TRAVELLER_TYPE_LABELS, travelLineMetadata } from "../../../../../modules/travel/booking-line"
import type TravelModuleService from "../../../../../modules/travel/service"
import type { TravellerInput } from "../../../../../modules/travel/service"
import { TravelError } from "../../../../../modules/travel/travel-error"
import { answerTravel } from "../../../travel/travel-http"

type Body = { departure_id: string; travellers: TravellerInput[] }

async function loadCart(req: MedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "completed_at", "items.id", "items.metadata"],
    filters: { id: req.params.id },
  })
  if (!cart) throw new TravelError("not_found", `Cart ${req.params.id} was not found.`, 404)
  return cart as any
}

async function cartView(req: MedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: ["*", "items.*", "total", "subtotal", "item_total"], filters: { id: req.params.id } })
  return cart
}

/** The cart's travel holds: which departure, until when, who (masked). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  await answerTravel(res, async () => {
    await loadCart(req)
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const holds = await travel.listTravelHolds({ cart_id: req.params.id, status: ["active", "sold"] } as any, { order: { created_at: "ASC" } })
    const travellers = holds.length ? await travel.listTravelTravellers({ hold_id: holds.map((h: any) => h.id) } as any) : []
    const departures = holds.length ? await travel.listTravelDepartures({ id: [...new Set(holds.map((h: any) => h.departure_id))] } as any) : []
    res.json({
      holds: holds.map((h: any) => ({
        id: h.id,
        status: h.status,
        departure: departures.find((d: any) => d.id === h.departure_id) ? { id: h.departure_id, date: departures.find((d: any) => d.id === h.departure_id)!.date } : null,
        quantity: Number(h.quantity),
        expires_at: new Date(h.expires_at).toISOString(),
        travellers: travellers
          .filter((t: any) => t.hold_id === h.id)
          .map((t: any) => ({ id: t.id, type: t.type, name: t.name, id_type: t.id_type, id_number: t.id_number_masked, phone: t.phone_masked, single_room: t.single_room, price: fenToMajor(Number(t.unit_price)), line_item_id: t.line_item_id })),
      })),
    })
  })
}

/**
 * Holds places on a departure for 15 minutes and adds one line per traveller at that traveller's
 * price. Not enough places → 409 sold_out; nothing is held or added on any refusal.
 */
export async function POST(req: MedusaRequest<Body>, res: MedusaResponse) {
  await answerTravel(res, async () => {
    const body = req.validatedBody as Body
    const cart = await loadCart(req)
    if (cart.completed_at) throw new TravelError("cart_completed", "This cart has already been checked out.")
    if (cart.currency_code !== "cny") throw new TravelError("unsupported_currency", "Travel packages are sold in CNY.")
    const travel: TravelModuleService = req.scope.resolve(TRAVEL_MODULE)
    const [departure] = await travel.listTravelDepartures({ id: body.departure_id } as any, { take: 1 })
    if (!departure) throw new TravelError("departure_not_found", `Departure ${body.departure_id} was not found.`, 404)
    const pkg = await travel.retrieveTravelPackage(departure.package_id)
    if (pkg.status !== "published" || !pkg.variant_id) throw new TravelError("departure_not_found", "This package is not on sale.", 404)

    const held = await travel.holdPlaces({ departure_id: departure.id, cart_id: cart.id, travellers: body.travellers })
    try {
      await addToCartWorkflow(req.scope).run({
        input: {
          cart_id: cart.id,
          items: held.travellers.map((t) => ({
            variant_id: pkg.variant_id!,
            quantity: 1,
            unit_price: fenToMajor(t.unit_price),
            title: pkg.title,
            // the cart and the order show the variant title: which day, who, which place
            variant_title: `${held.departure.date} · ${TRAVELLER_TYPE_LABELS[t.type]} · ${t.name}${t.single_room ? " · 單人房 Single room" : ""}`,
            subtitle: `${held.departure.date} · ${TRAVELLER_TYPE_LABELS[t.type]} · ${t.name}`,
            metadata: travelLineMetadata({
              pkg: { id: pkg.id, handle: pkg.handle, title: pkg.title, destination: pkg.destination, days: Number(pkg.days) },
              departure: held.departure,
              hold_id: held.hold.id,
              traveller: t,
            }),
          })) as any,
        },
      })
      const after = await loadCart(req)
      const mapping = (after.items ?? [])
        .filter((i: any) => i?.metadata?.travel?.hold_id === held.hold.id)
        .map((i: any) => ({ traveller_id: i.metadata.travel.traveller_id as string, line_item_id: i.id as string }))
      if (mapping.length !== held.travellers.length) throw new Error(`expected ${held.travellers.length} travel lines, found ${mapping.length}`)
      await travel.attachLineItems(mapping)
    } catch (e) {
      await travel.releaseHold(held.hold.id)
      throw e
    }
    res.status(201).json({
      hold: { id: held.hold.id, departure_id: held.departure.id, date: held.departure.date, quantity: held.hold.quantity, expires_at: held.hold.expires_at.toISOString() },
      travellers: held.travellers.map((t) => ({ id: t.id, type: t.type, name: t.name, id_type: t.id_type, id_number: t.id_number_masked, phone: t.phone_masked, single_room: t.single_room, price: fenToMajor(t.unit_price) })),
      cart: await cartView(req),
    })
  })
}
