import type { TFunction, MessageKey, Locale } from "@/lib/i18n/translate"

type Details = {
  scene?: string
  package?: { title?: string; destination?: string; days?: number }
  departure?: { date?: string }
  traveller?: { type?: string; name?: string; id_type?: string; id_number?: string; single_room?: boolean }
}

/** A travel place's voucher: departure day and who travels (document masked, as the backend sends it). */
export function TravelVoucherDetails({ details, t, locale }: { details: Record<string, any> | null | undefined; t: TFunction; locale: Locale }) {
  const d = details as Details | null | undefined
  if (!d || d.scene !== "travel" || !d.departure?.date) return null
  const date = new Date(`${d.departure.date}T00:00:00Z`).toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric", weekday: "short", timeZone: "UTC" })
  const tr = d.traveller ?? {}
  return (
    <section className="card form-section" data-testid="travel-voucher-details">
      <dl className="voucher-facts">
        <div>
          <dt>{t("travel.voucher.departure")}</dt>
          <dd data-testid="travel-voucher-date">{date}</dd>
          {d.package?.destination ? <dd className="muted small">{d.package.destination}</dd> : null}
        </div>
        <div>
          <dt>{t("travel.voucher.traveller")}</dt>
          <dd data-testid="travel-voucher-traveller">
            {tr.name} {tr.type ? `· ${t(`travel.type.${tr.type}` as MessageKey)}` : ""}
          </dd>
          {tr.id_number ? (
            <dd className="muted small">
              {tr.id_type ? t(`travel.idType.${tr.id_type}` as MessageKey) : t("travel.voucher.document")} {tr.id_number}
            </dd>
          ) : null}
          {tr.single_room ? <dd className="muted small">{t("travel.voucher.singleRoom")}</dd> : null}
        </div>
      </dl>
      <p className="muted small">{t("travel.voucher.checkIn")}</p>
    </section>
  )
}
