"use client"

import Link from "next/link"
import { useMemo, useState, useTransition } from "react"
import { useI18n } from "@/components/i18n-provider"
import type { MessageKey } from "@/lib/i18n/translate"
import { formatMoney } from "@/lib/money"
import { bookDeparture } from "@/lib/travel/actions"
import type { Departure } from "@/lib/travel/api"
import { ID_TYPES, travellerErrors, type FieldError, type TravellerForm, type TravellerType } from "@/lib/travel/traveller-check"

const TYPES: TravellerType[] = ["adult", "child", "senior"]
const MAX_TRAVELLERS = 9
const ERROR_KEYS: Record<string, MessageKey> = {
  sold_out: "travel.error.sold_out",
  departure_past: "travel.error.departure_past",
  departure_closed: "travel.error.departure_closed",
  no_travellers: "travel.error.no_travellers",
  invalid_id_number: "travel.error.invalid_id_number",
  invalid_phone: "travel.error.invalid_phone",
  traveller_type_mismatch: "travel.error.traveller_type_mismatch",
  child_needs_adult: "travel.error.child_needs_adult",
  duplicate_traveller: "travel.error.duplicate_traveller",
  traveller_already_booked: "travel.error.traveller_already_booked",
}
const FIELD_KEYS: Record<FieldError, MessageKey> = {
  name: "travel.field.nameRequired",
  id_number: "travel.field.idInvalid",
  id_age: "travel.field.idAge",
  phone: "travel.field.phoneInvalid",
}

const blank = (type: TravellerType): TravellerForm => ({ type, name: "", id_type: "id_card", id_number: "", phone: "", single_room: false })
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

/** Months of the calendar: each a list of cells, null for the blank days before the 1st (Monday first). */
function months(departures: Departure[]) {
  const byMonth = new Map<string, Departure[]>()
  for (const d of departures) {
    const key = d.date.slice(0, 7)
    byMonth.set(key, [...(byMonth.get(key) ?? []), d])
  }
  return [...byMonth.entries()].map(([month, deps]) => {
    const [y, m] = month.split("-").map(Number)
    const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
    const cells: ({ day: number; departure?: Departure } | null)[] = Array.from({ length: first }, () => null)
    for (let day = 1; day <= days; day++) {
      const date = `${month}-${String(day).padStart(2, "0")}`
      cells.push({ day, departure: deps.find((d) => d.date === date) })
    }
    return { month, y, m, cells }
  })
}

export function BookingPanel({ departures }: { departures: Departure[] }) {
  const { t, locale } = useI18n()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [counts, setCounts] = useState<Record<TravellerType, number>>({ adult: 2, child: 0, senior: 0 })
  const [forms, setForms] = useState<TravellerForm[]>([blank("adult"), blank("adult")])
  const [showErrors, setShowErrors] = useState(false)
  const [message, setMessage] = useState<{ error: boolean; text: string; booked?: boolean } | null>(null)
  const [pending, startTransition] = useTransition()
  const calendar = useMemo(() => months(departures), [departures])
  const selected = departures.find((d) => d.id === selectedId) ?? null
  const total = forms.length

  function setCount(type: TravellerType, next: number) {
    const value = Math.max(0, Math.min(next, MAX_TRAVELLERS - (total - counts[type])))
    const nextCounts = { ...counts, [type]: value }
    setCounts(nextCounts)
    // keep what was typed for travellers that stay
    setForms((prev) => TYPES.flatMap((ty) => {
      const have = prev.filter((f) => f.type === ty)
      return Array.from({ length: nextCounts[ty] }, (_, i) => have[i] ?? blank(ty))
    }))
    setMessage(null)
  }

  function update(i: number, patch: Partial<TravellerForm>) {
    setForms((prev) => prev.map((f, j) => (j === i ? { ...f, ...patch } : f)))
  }

  const errors = forms.map((f) => travellerErrors(f, selected?.date ?? null))
  const price = (f: TravellerForm) => (selected ? selected.prices[f.type] + (f.single_room && f.type !== "child" ? selected.single_supplement : 0) : 0)
  const sum = Math.round(forms.reduce((a, f) => a + price(f) * 100, 0)) / 100

  function book() {
    setShowErrors(true)
    if (!selected) return setMessage({ error: true, text: t("travel.pickDate") })
    if (!total) return setMessage({ error: true, text: t("travel.error.no_travellers") })
    if (counts.adult + counts.senior === 0) return setMessage({ error: true, text: t("travel.error.child_needs_adult") })
    if (total > selected.remaining) return setMessage({ error: true, text: t("travel.error.sold_out") })
    if (errors.some((e) => e.length)) return setMessage({ error: true, text: t("travel.fixFields") })
    startTransition(async () => {
      const res = await bookDeparture({ departureId: selected.id, travellers: forms })
      if (res.ok) setMessage({ error: false, booked: true, text: t("travel.held", { count: res.quantity, time: new Date(res.expires_at).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" }) }) })
      else setMessage({ error: true, text: ERROR_KEYS[res.code] ? t(ERROR_KEYS[res.code]) : t("travel.error.failed", { message: res.message }) })
    })
  }

  if (!departures.length) return <section className="card form-section"><p className="muted">{t("travel.noDepartures")}</p></section>

  return (
    <section className="card form-section travel-booking" data-testid="travel-booking">
      <h2 className="form-section-title">{t("travel.pickDate")}</h2>
      <div className="travel-calendar-scroll">
        {calendar.map((month) => (
          <div key={month.month} className="travel-month">
            <h3 className="travel-month-title">{new Date(Date.UTC(month.y, month.m - 1, 1)).toLocaleDateString(locale, { year: "numeric", month: "long", timeZone: "UTC" })}</h3>
            <div className="travel-calendar" role="grid">
              {WEEKDAYS.map((w) => (
                <span key={w} className="travel-weekday" aria-hidden="true">{t(`rights.weekday.${w}` as MessageKey)}</span>
              ))}
              {month.cells.map((cell, i) =>
                !cell ? <span key={`b${i}`} /> : cell.departure ? (
                  <button
                    type="button"
                    key={cell.day}
                    className={`travel-day-cell${cell.departure.id === selectedId ? " is-selected" : ""}${cell.departure.remaining === 0 ? " is-full" : ""}`}
                    disabled={cell.departure.remaining === 0}
                    aria-pressed={cell.departure.id === selectedId}
                    aria-label={`${cell.departure.date} ${formatMoney(cell.departure.prices.adult, locale)} ${cell.departure.remaining === 0 ? t("travel.full") : t("travel.left", { count: cell.departure.remaining })}`}
                    data-testid="travel-date"
                    data-date={cell.departure.date}
                    onClick={() => { setSelectedId(cell.departure!.id); setMessage(null) }}
                  >
                    <span className="travel-day-num">{cell.day}</span>
                    <span className="travel-day-price">¥{Math.round(cell.departure.prices.adult)}</span>
                    <span className="travel-day-left">{cell.departure.remaining === 0 ? t("travel.full") : t("travel.leftShort", { count: cell.departure.remaining })}</span>
                  </button>
                ) : (
                  <span key={cell.day} className="travel-day-cell is-none"><span className="travel-day-num">{cell.day}</span></span>
                )
              )}
            </div>
          </div>
        ))}
      </div>

      {selected ? (
        <p className="travel-selected" data-testid="travel-selected">
          {t("travel.selected", { date: selected.date, left: selected.remaining })} · {t("travel.priceLine", { adult: formatMoney(selected.prices.adult, locale), child: formatMoney(selected.prices.child, locale), senior: formatMoney(selected.prices.senior, locale) })}
        </p>
      ) : null}

      <h2 className="form-section-title">{t("travel.party")}</h2>
      <div className="travel-party">
        {TYPES.map((type) => (
          <div key={type} className="travel-party-row">
            <span>{t(`travel.type.${type}` as MessageKey)}<span className="muted small"> {t(`travel.typeHint.${type}` as MessageKey)}</span></span>
            <span className="travel-stepper">
              <button type="button" onClick={() => setCount(type, counts[type] - 1)} disabled={counts[type] === 0} aria-label={t("product.decrease")} data-testid={`travel-${type}-minus`}>−</button>
              <output data-testid={`travel-${type}-count`}>{counts[type]}</output>
              <button type="button" onClick={() => setCount(type, counts[type] + 1)} disabled={total >= MAX_TRAVELLERS} aria-label={t("product.increase")} data-testid={`travel-${type}-plus`}>+</button>
            </span>
          </div>
        ))}
      </div>

      <h2 className="form-section-title">{t("travel.travellers")}</h2>
      {forms.map((f, i) => {
        const errs = showErrors ? errors[i] : []
        const field = (name: FieldError) => errs.includes(name) || (name === "id_number" && errs.includes("id_age"))
        return (
          <fieldset key={i} className="travel-traveller" data-testid="travel-traveller">
            <legend>{t("travel.travellerN", { n: i + 1 })} · {t(`travel.type.${f.type}` as MessageKey)}{selected ? ` · ${formatMoney(price(f), locale)}` : ""}</legend>
            <label className="field">
              <span className="field-label">{t("travel.field.name")}</span>
              <input value={f.name} onChange={(e) => update(i, { name: e.target.value })} autoComplete="name" aria-invalid={field("name")} data-testid="traveller-name" />
            </label>
            <label className="field">
              <span className="field-label">{t("travel.field.idType")}</span>
              <select value={f.id_type} onChange={(e) => update(i, { id_type: e.target.value as TravellerForm["id_type"] })} data-testid="traveller-id-type">
                {ID_TYPES.map((ty) => <option key={ty} value={ty}>{t(`travel.idType.${ty}` as MessageKey)}</option>)}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t("travel.field.idNumber")}</span>
              <input value={f.id_number} onChange={(e) => update(i, { id_number: e.target.value })} autoComplete="off" inputMode={f.id_type === "id_card" || f.id_type === "taiwan_permit" ? "numeric" : "text"} aria-invalid={field("id_number")} data-testid="traveller-id-number" />
            </label>
            <label className="field">
              <span className="field-label">{t("travel.field.phone")}</span>
              <input value={f.phone} onChange={(e) => update(i, { phone: e.target.value })} type="tel" autoComplete="tel" aria-invalid={field("phone")} data-testid="traveller-phone" />
            </label>
            {f.type !== "child" && selected && selected.single_supplement > 0 ? (
              <label className="travel-check">
                <input type="checkbox" checked={f.single_room} onChange={(e) => update(i, { single_room: e.target.checked })} />
                {t("travel.singleRoom", { price: formatMoney(selected.single_supplement, locale) })}
              </label>
            ) : null}
            {errs.length ? (
              <ul className="travel-field-errors" role="alert">
                {errs.map((e) => <li key={e} className="field-error" data-testid={`traveller-error-${e}`}>{t(FIELD_KEYS[e])}</li>)}
              </ul>
            ) : null}
          </fieldset>
        )
      })}

      <div className="travel-total">
        <span>{t("travel.total", { count: total })}</span>
        <strong data-testid="travel-total">{formatMoney(sum, locale)}</strong>
      </div>
      <button type="button" className="btn btn-primary btn-block btn-lg" onClick={book} disabled={pending} data-testid="travel-book">
        {pending ? t("travel.booking") : t("travel.book")}
      </button>
      {message ? (
        <p className={message.error ? "form-error travel-message" : "notice-success travel-message"} role="status" data-testid="travel-message">
          {message.text} {message.booked ? <Link href="/cart" className="notice-link" data-testid="travel-go-cart">{t("travel.goToCart")}</Link> : null}
        </p>
      ) : null}
    </section>
  )
}
