import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { ErrorState } from "@/components/states"
import { CinemaApiError, getFilm, listShowtimes, type Film, type Showtime } from "@/lib/cinema/api"
import { shanghaiToday, showDay, showTime } from "@/lib/cinema/format"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { formatMoney } from "@/lib/money"
import "../movies.css"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ date?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params
  try {
    return { title: (await getFilm(id)).film.title }
  } catch {
    return { title: id }
  }
}

export default async function FilmPage({ params, searchParams }: Props) {
  const { id } = await params
  const { date: wanted } = await searchParams
  const { locale, t } = await getI18n()
  let film: Film
  let dates: string[]
  try {
    ;({ film, dates } = await getFilm(id))
  } catch (error) {
    if (error instanceof CinemaApiError && error.status === 404) notFound()
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} action={{ href: "/movies", label: t("movies.backToFilms") }} />
  }
  const date = wanted && dates.includes(wanted) ? wanted : dates[0] ?? shanghaiToday()
  const showtimes: Showtime[] = dates.length ? await listShowtimes(date, film.id) : []
  const byCinema = new Map<string, Showtime[]>()
  for (const s of showtimes) byCinema.set(s.cinema.name, [...(byCinema.get(s.cinema.name) ?? []), s])

  return (
    <div className="film-page" data-testid="film-page">
      <p className="small"><Link href="/movies">← {t("movies.backToFilms")}</Link></p>
      <div className="film-head">
        {film.poster_url ? <img className="film-poster" src={film.poster_url} alt={film.title} /> : <div className="film-poster" aria-hidden="true" />}
        <div>
          <h1>{film.title}</h1>
          <p className="film-meta">
            {film.score != null ? <span className="film-score">{t("movies.score", { score: film.score.toFixed(1) })} </span> : null}
            {t("movies.minutes", { minutes: film.duration_minutes })}{film.rating ? ` · ${film.rating}` : ""}
          </p>
          <p className="film-meta">{film.genres.join(" · ")}</p>
          <p className="film-meta">{film.languages.join(" · ")}</p>
          {film.synopsis ? <p className="small">{film.synopsis}</p> : null}
        </div>
      </div>
      <h2 className="section-title">{t("movies.showtimes")}</h2>
      <nav className="date-tabs" aria-label={t("movies.showtimes")}>
        {dates.map((d) => (
          <Link key={d} href={`/movies/${film.id}?date=${d}`} className="date-tab" aria-current={d === date ? "page" : undefined} data-testid="date-tab">
            {showDay(d, locale)}
          </Link>
        ))}
      </nav>
      {showtimes.length === 0 ? (
        <p className="muted">{t("movies.noShowtimes")}</p>
      ) : (
        [...byCinema.entries()].map(([cinema, list]) => (
          <section key={cinema} className="cinema-block">
            <h2>{cinema}</h2>
            <ul className="showtime-list">
              {list.map((s) => (
                <li key={s.id} className="showtime-row" data-testid="showtime-row">
                  <span className="showtime-time">{showTime(s.starts_at, locale)}</span>
                  <span className="film-meta">
                    {s.format} · {s.language}<br />{s.hall.name}
                    <br /><span className="showtime-price">{formatMoney(Math.min(...Object.values(s.prices)), locale)}</span> {t("common.from")}
                  </span>
                  <Link href={`/movies/showtimes/${s.id}`} className="btn btn-primary" data-testid="pick-seats">{t("movies.pickSeats")}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  )
}
