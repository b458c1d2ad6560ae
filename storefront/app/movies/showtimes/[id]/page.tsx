import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { SeatPicker } from "@/components/seat-picker"
import { ErrorState } from "@/components/states"
import { CinemaApiError, getSeatMap, getShowtime, type Seat, type Showtime } from "@/lib/cinema/api"
import { showDateTime } from "@/lib/cinema/format"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { getCartId } from "@/lib/medusa/session"
import "../../movies.css"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params
  try {
    return { title: (await getShowtime(id)).film.title }
  } catch {
    return { title: id }
  }
}

export default async function SeatPage({ params }: Props) {
  const { id } = await params
  const { locale, t } = await getI18n()
  let showtime: Showtime
  let seats: Seat[]
  try {
    showtime = await getShowtime(id)
    seats = await getSeatMap(id, await getCartId())
  } catch (error) {
    if (error instanceof CinemaApiError && error.status === 404) notFound()
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} action={{ href: "/movies", label: t("movies.backToFilms") }} />
  }
  return (
    <div className="seat-page" data-testid="seat-page">
      <p className="small"><Link href={`/movies/${showtime.film.id}`}>← {t("movies.backToFilm")}</Link></p>
      <h1>{showtime.film.title}</h1>
      <p className="film-meta">
        {showDateTime(showtime.starts_at, locale)} · {showtime.format} · {showtime.language}
        <br />
        {showtime.cinema.name} · {showtime.hall.name}
      </p>
      {showtime.started ? <p className="seat-message error">{t("movies.started")}</p> : <SeatPicker showtimeId={showtime.id} initialSeats={seats} />}
    </div>
  )
}
