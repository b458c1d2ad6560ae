"use client"

import Link from "next/link"
import { useMemo, useState, useTransition } from "react"
import { useI18n } from "@/components/i18n-provider"
import { holdSeats } from "@/lib/cinema/actions"
import type { Seat } from "@/lib/cinema/api"
import { showTime, sumYuan } from "@/lib/cinema/format"
import type { MessageKey } from "@/lib/i18n/translate"

const MAX_SEATS = 10
const ERROR_KEYS: Record<string, MessageKey> = {
  seat_unavailable: "movies.error.seat_unavailable",
  couple_pair_incomplete: "movies.error.couple_pair_incomplete",
  showtime_past: "movies.error.showtime_past",
  seat_disabled: "movies.error.seat_disabled",
}

/**
 * The seat map as a grid of 28 px buttons (touch targets with the 3 px gaps; the map scrolls
 * sideways on a 375 px phone). Tapping a couple seat picks or drops its whole pair.
 */
export function SeatPicker({ showtimeId, initialSeats }: { showtimeId: string; initialSeats: Seat[] }) {
  const { t, locale } = useI18n()
  const [seats, setSeats] = useState(initialSeats)
  const [picked, setPicked] = useState<string[]>([])
  const [message, setMessage] = useState<{ error: boolean; text: string; held?: boolean } | null>(null)
  const [pending, startTransition] = useTransition()

  const cols = Math.max(...seats.map((s) => s.x)) + 1
  const rows = Math.max(...seats.map((s) => s.y)) + 1
  const byId = useMemo(() => new Map(seats.map((s) => [s.id, s])), [seats])
  const rowLabels = useMemo(() => {
    const labels = new Map<number, string>()
    for (const s of seats) labels.set(s.y, s.row)
    return labels
  }, [seats])
  const chosen = picked.map((id) => byId.get(id)).filter((s): s is Seat => Boolean(s))
  const total = sumYuan(chosen.map((s) => s.price))

  function toggle(seat: Seat) {
    if (seat.status !== "available" || seat.mine) return
    const group = seat.type === "couple" && seat.pair_id ? seats.filter((s) => s.pair_id === seat.pair_id).map((s) => s.id) : [seat.id]
    setMessage(null)
    setPicked((prev) => {
      if (prev.includes(seat.id)) return prev.filter((id) => !group.includes(id))
      if (prev.length + group.length > MAX_SEATS) {
        setMessage({ error: true, text: t("movies.limit") })
        return prev
      }
      return [...prev, ...group]
    })
  }

  function hold() {
    startTransition(async () => {
      const res = await holdSeats({ showtimeId, seatIds: picked })
      startTransition(() => {
        if (res.ok) {
          setSeats((prev) => prev.map((s) => (picked.includes(s.id) ? { ...s, status: "held", mine: true } : s)))
          setPicked([])
          setMessage({ error: false, held: true, text: t("movies.held", { time: showTime(res.expires_at, locale) }) })
        } else {
          if (res.seats) setSeats(res.seats)
          setPicked([])
          const key = ERROR_KEYS[res.code]
          setMessage({ error: true, text: key ? t(key) : t("movies.error.failed", { message: res.message }) })
        }
      })
    })
  }

  const cells = []
  for (let y = 0; y < rows; y++) {
    cells.push(<span key={`r${y}`} className="seat-row-label" style={{ gridColumn: 1, gridRow: y + 1 }}>{rowLabels.get(y) ?? ""}</span>)
  }
  for (const s of seats) {
    const isPicked = picked.includes(s.id) || s.mine
    const label = `${t("movies.seat", { row: s.row, number: s.number })} · ${t(`movies.seatType.${s.type}` as MessageKey)} · ¥${s.price}`
    cells.push(
      <button
        key={s.id}
        type="button"
        className={`seat seat-${s.type}`}
        style={{ gridColumn: s.x + 2, gridRow: s.y + 1 }}
        data-status={s.mine ? "available" : s.status}
        data-seat={`${s.row}${s.number}`}
        data-type={s.type}
        aria-pressed={isPicked}
        aria-label={label}
        title={label}
        disabled={s.status === "disabled" || (!s.mine && s.status !== "available")}
        onClick={() => toggle(s)}
      >
        {s.number}
      </button>
    )
  }

  return (
    <div className="seat-picker" data-testid="seat-picker">
      <div className="seat-screen" aria-hidden="true" />
      <p className="seat-screen-label">{t("movies.screen")}</p>
      <div className="seat-map-scroll">
        <div className="seat-grid" style={{ gridTemplateColumns: `16px repeat(${cols}, 28px)`, gridTemplateRows: `repeat(${rows}, 28px)` }}>
          {cells}
        </div>
      </div>
      <div className="seat-legend">
        <span><i /> {t("movies.legend.available")}</span>
        <span><i className="l-mine" /> {t("movies.legend.mine")}</span>
        <span><i className="l-taken" /> {t("movies.legend.taken")}</span>
        <span><i className="l-vip" /> {t("movies.legend.vip")}</span>
        <span><i className="l-couple" /> {t("movies.legend.couple")}</span>
      </div>
      <div className="seat-bar">
        {chosen.length ? (
          <div className="seat-chips" data-testid="picked-seats">
            {chosen.map((s) => (
              <span key={s.id} className="seat-chip">{t("movies.seat", { row: s.row, number: s.number })} ¥{s.price}</span>
            ))}
          </div>
        ) : (
          <p className="small muted">{t("movies.selectHint")}</p>
        )}
        {message ? <p className={`seat-message${message.error ? " error" : ""}`} role="status" data-testid="seat-message">{message.text}</p> : null}
        {message?.held ? (
          <Link href="/cart" className="btn btn-gold btn-block btn-lg" data-testid="go-to-cart">{t("movies.goToCart")}</Link>
        ) : null}
        <button type="button" className="btn btn-primary btn-block btn-lg" disabled={!picked.length || pending} onClick={hold} data-testid="hold-seats">
          {pending ? t("movies.holding") : chosen.length ? `${t("movies.hold")} · ${t("movies.selected", { count: chosen.length, total })}` : t("movies.hold")}
        </button>
      </div>
    </div>
  )
}
