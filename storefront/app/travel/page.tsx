import type { Metadata } from "next"
import Link from "next/link"
import { EmptyState, ErrorState } from "@/components/states"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { formatMoney } from "@/lib/money"
import { listDestinations, listPackages, type Destination, type PackageSummary } from "@/lib/travel/api"
import "./travel.css"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n()
  return { title: t("travel.title") }
}

type Props = { searchParams: Promise<{ destination?: string }> }

export default async function TravelPage({ searchParams }: Props) {
  const { destination } = await searchParams
  const { locale, t } = await getI18n()
  let destinations: Destination[] = []
  let packages: PackageSummary[] = []
  let failure: string | undefined
  try {
    ;[destinations, packages] = await Promise.all([listDestinations(), listPackages(destination)])
  } catch (error) {
    failure = readableError(error)
  }
  return (
    <div className="listing" data-testid="travel-page">
      <header className="listing-header scene-travel">
        <div>
          <h1 className="listing-title">{t("travel.title")}</h1>
          <p className="listing-tagline">{t("travel.tagline")}</p>
        </div>
      </header>
      {failure ? (
        <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={failure} action={{ href: "/", label: t("common.backHome") }} />
      ) : (
        <>
          <nav className="travel-destinations" aria-label={t("travel.destinations")}>
            <Link href="/travel" className={`chip${destination ? "" : " is-active"}`} aria-current={destination ? undefined : "page"}>
              {t("travel.allDestinations")}
            </Link>
            {destinations.map((d) => (
              <Link
                key={d.destination}
                href={`/travel?destination=${encodeURIComponent(d.destination)}`}
                className={`chip${destination === d.destination ? " is-active" : ""}`}
                aria-current={destination === d.destination ? "page" : undefined}
                data-testid="travel-destination"
              >
                {d.destination}
              </Link>
            ))}
          </nav>
          {packages.length === 0 ? (
            <EmptyState title={t("travel.empty")} action={{ href: "/travel", label: t("travel.allDestinations") }} />
          ) : (
            <div className="travel-grid">
              {packages.map((p) => (
                <Link key={p.id} href={`/travel/${p.handle}`} className="travel-card card" data-testid="travel-package-card">
                  {p.image ? <img src={p.image} alt="" loading="lazy" className="travel-card-image" /> : <div className="travel-card-image" aria-hidden="true" />}
                  <div className="travel-card-body">
                    <p className="travel-card-where">{p.destination} · {t("travel.daysNights", { days: p.days, nights: p.nights })}</p>
                    <h2 className="travel-card-title">{p.title}</h2>
                    {p.subtitle ? <p className="muted small">{p.subtitle}</p> : null}
                    <p className="travel-card-price">
                      {p.from_price !== null ? t("travel.fromPrice", { price: formatMoney(p.from_price, locale) }) : t("travel.noDepartures")}
                    </p>
                  </div>
                </Link>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  )
}
