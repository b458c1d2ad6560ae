import "server-only"
import { formatDate } from "@/components/order-summary"
import { getI18n } from "@/lib/i18n/server"
import type { MessageKey } from "@/lib/i18n/translate"
import { type OrderTrackingView, toTrackingView } from "@/lib/mall/tracking"
import { getSdk } from "@/lib/medusa/sdk"
import { authHeaders } from "@/lib/medusa/session"

/**
 * Delivery status of an order's shipped goods (mall): 待发货 → 已发货 with the tracking number →
 * 已送达, from `GET /store/mall/orders/:id/tracking` (Medusa's fulfilments). Voucher-only orders
 * show nothing.
 */
export async function OrderTracking({ orderId, shipsGoods }: { orderId: string; shipsGoods: boolean }) {
  if (!shipsGoods) return null
  const { locale, t } = await getI18n()
  let tracking: OrderTrackingView | undefined
  try {
    const body = await getSdk().client.fetch<{ tracking: unknown }>(`/store/mall/orders/${encodeURIComponent(orderId)}/tracking`, {
      headers: await authHeaders(),
    })
    tracking = toTrackingView(body.tracking)
  } catch {
    tracking = undefined
  }
  const label = (state: string) => t(`tracking.state.${state}` as MessageKey)
  return (
    <section className="card form-section" data-testid="order-tracking" data-state={tracking?.state ?? "unknown"}>
      <h2 className="form-section-title">{t("tracking.title")}</h2>
      {!tracking ? (
        <p className="muted small">{t("tracking.unavailable")}</p>
      ) : (
        <>
          <p>
            <span className={`status status-${tracking.state}`} data-testid="order-tracking-state">
              {label(tracking.state)}
            </span>
          </p>
          {tracking.parcels.length > 1 || tracking.parcels.some((p) => p.tracking_numbers.length) ? (
            <ul className="order-parcels">
              {tracking.parcels.map((p, i) => (
                <li key={p.id} className="muted small" data-testid="order-parcel" data-state={p.state}>
                  {tracking!.parcels.length > 1 ? `${t("tracking.parcel", { n: i + 1 })} · ` : ""}
                  {label(p.state)}
                  {p.tracking_numbers.length ? (
                    <>
                      {" · "}
                      {t("tracking.trackingNumber")} <strong data-testid="order-tracking-number">{p.tracking_numbers.join(", ")}</strong>
                    </>
                  ) : null}
                  {p.delivered_at ? ` · ${formatDate(p.delivered_at, locale)}` : p.shipped_at ? ` · ${formatDate(p.shipped_at, locale)}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  )
}
