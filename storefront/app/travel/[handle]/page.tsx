import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { ErrorState } from "@/components/states"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { getPackage, listDepartures, type Departure, type PackageDetail } from "@/lib/travel/api"
import { BookingPanel } from "./booking-panel"
import "../travel.css"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params
  try {
    const pkg = await getPackage(handle)
    return { title: pkg?.title ?? "PalmLife" }
  } catch {
    return { title: "PalmLife" }
  }
}

export default async function TravelPackagePage({ params }: Props) {
  const { handle } = await params
  const { t } = await getI18n()
  let pkg: PackageDetail | null = null
  let departures: Departure[] = []
  try {
    pkg = await getPackage(handle)
    if (pkg) departures = await listDepartures(handle)
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} action={{ href: "/travel", label: t("travel.back") }} />
  }
  if (!pkg) notFound()
  return (
    <div className="travel-package" data-testid="travel-package">
      <Link href="/travel" className="back-link">
        ← {t("travel.back")}
      </Link>
      {pkg.images[0] ? <img src={pkg.images[0]} alt="" className="travel-hero" /> : null}
      <header className="travel-package-head">
        <p className="travel-card-where">{pkg.destination} · {t("travel.daysNights", { days: pkg.days, nights: pkg.nights })}</p>
        <h1 className="travel-package-title">{pkg.title}</h1>
        {pkg.summary ? <p className="muted">{pkg.summary}</p> : null}
      </header>

      <BookingPanel departures={departures} />

      <section className="card form-section">
        <h2 className="form-section-title">{t("travel.itinerary")}</h2>
        <ol className="travel-itinerary">
          {pkg.itinerary.map((d) => (
            <li key={d.day}>
              <span className="travel-day">{t("travel.day", { day: d.day })}</span>
              <div>
                <strong>{d.title}</strong>
                <p className="small">{d.description}</p>
                {d.meals || d.stay ? (
                  <p className="muted small">
                    {d.meals ? `${t("travel.meals")}: ${d.meals}` : ""}
                    {d.meals && d.stay ? " · " : ""}
                    {d.stay ? `${t("travel.stay")}: ${d.stay}` : ""}
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section className="card form-section">
        <h2 className="form-section-title">{t("travel.included")}</h2>
        <ul className="travel-list travel-list-yes">
          {pkg.inclusions.included.map((x) => <li key={x}>{x}</li>)}
        </ul>
        {pkg.inclusions.excluded.length ? (
          <>
            <h3 className="travel-subtitle">{t("travel.excluded")}</h3>
            <ul className="travel-list travel-list-no">
              {pkg.inclusions.excluded.map((x) => <li key={x}>{x}</li>)}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card form-section" data-testid="travel-cancellation">
        <h2 className="form-section-title">{t("travel.cancellation")}</h2>
        <ul className="travel-list">
          {pkg.cancellation_tiers.map((tier) => (
            <li key={tier.min_days}>
              {tier.min_days > 0 ? t("travel.tierFrom", { days: tier.min_days, percent: tier.percent }) : t("travel.tierLast", { percent: tier.percent })}
            </li>
          ))}
        </ul>
        <p className="muted small">{t("travel.cancellationHint")}</p>
      </section>
    </div>
  )
}
