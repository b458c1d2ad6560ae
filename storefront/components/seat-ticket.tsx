import type { Locale, TFunction } from "@/lib/i18n/translate"

type TicketDetails = {
  showtime_id?: string
  starts_at?: string
  format?: string
  language?: string
  film?: { title?: string }
  cinema?: { name?: string }
  hall?: { name?: string }
  seat?: { row?: string; number?: number; type?: string }
}

/** The e-ticket part of a movie voucher: film, start, cinema, hall and seat from the voucher's details. */
export function SeatTicket({ voucher, t, locale }: { voucher: { kind: string; details?: unknown }; t: TFunction; locale: Locale }) {
  const d = (voucher.details ?? null) as TicketDetails | null
  if (voucher.kind !== "movie" || !d?.showtime_id) return null
  const start = d.starts_at
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "Asia/Shanghai" }).format(new Date(d.starts_at))
    : "—"
  const seatType = d.seat?.type ? t(`movies.seatType.${d.seat.type}` as Parameters<TFunction>[0]) : ""
  return (
    <section className="card form-section" data-testid="seat-ticket">
      <h2 className="form-section-title">{d.film?.title}</h2>
      <dl className="voucher-facts">
        <div>
          <dt>{t("movies.ticket.showtime")}</dt>
          <dd data-testid="ticket-start">{start}</dd>
          <dd className="muted small">{[d.format, d.language].filter(Boolean).join(" · ")}</dd>
        </div>
        <div>
          <dt>{t("movies.ticket.seat")}</dt>
          <dd data-testid="ticket-seat">{d.seat ? t("movies.seat", { row: d.seat.row ?? "", number: d.seat.number ?? "" }) : "—"}</dd>
          <dd className="muted small">{seatType}</dd>
        </div>
        <div>
          <dt>{t("movies.ticket.cinema")}</dt>
          <dd>{d.cinema?.name}</dd>
        </div>
        <div>
          <dt>{t("movies.ticket.hall")}</dt>
          <dd data-testid="ticket-hall">{d.hall?.name}</dd>
        </div>
      </dl>
      <p className="muted small">{t("movies.ticket.checkIn")}</p>
    </section>
  )
}
