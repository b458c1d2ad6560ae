import type { Metadata } from "next"
import Link from "next/link"
import { EmptyState, ErrorState } from "@/components/states"
import { listFilms, type Film } from "@/lib/cinema/api"
import { showDateTime } from "@/lib/cinema/format"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import "./movies.css"

export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n()
  return { title: t("movies.title") }
}

export default async function FilmsPage() {
  const { locale, t } = await getI18n()
  let films: Film[] = []
  let failure: string | undefined
  try {
    films = await listFilms()
  } catch (error) {
    failure = readableError(error)
  }
  return (
    <div className="listing" data-testid="films-page">
      <header className="listing-header scene-movie">
        <div>
          <h1 className="listing-title">{t("movies.title")}</h1>
          <p className="listing-tagline">{t("movies.tagline")}</p>
        </div>
      </header>
      {failure ? (
        <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={failure} action={{ href: "/", label: t("common.backHome") }} />
      ) : films.length === 0 ? (
        <EmptyState title={t("movies.empty")} action={{ href: "/", label: t("common.backHome") }} />
      ) : (
        <div className="films-grid">
          {films.map((f) => (
            <Link key={f.id} href={`/movies/${f.id}`} className="film-card" data-testid="film-card">
              {f.poster_url ? <img src={f.poster_url} alt={f.title} loading="lazy" /> : <div className="film-poster" aria-hidden="true" />}
              <div className="film-card-body">
                <h2 className="film-card-title">{f.title}</h2>
                <p className="film-meta">
                  {f.score != null ? <span className="film-score">{t("movies.score", { score: f.score.toFixed(1) })} </span> : null}
                  {t("movies.minutes", { minutes: f.duration_minutes })}
                  {f.rating ? ` · ${f.rating}` : ""}
                </p>
                <p className="film-meta">{f.genres.join(" · ")}</p>
                {f.next_starts_at ? <p className="film-meta">{t("movies.next", { time: showDateTime(f.next_starts_at, locale) })}</p> : null}
              </div>
            </Link>
          ))}
        </div>
      )}
    </div>
  )
}
