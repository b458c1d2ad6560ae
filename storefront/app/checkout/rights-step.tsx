"use client"

import { useEffect, useRef, useState, useTransition } from "react"
import { useI18n } from "@/components/i18n-provider"
import { applyRights, type RightsChoice } from "@/lib/actions/rights"
import type { MessageKey } from "@/lib/i18n/translate"
import type { CartBenefit, CartRights } from "@/lib/medusa/rights"
import { formatMoney } from "@/lib/money"
import { formatPoints, weekdayList } from "@/lib/rights/messages"

/** A benefit the customer has that is not open today (weekday or date window): shown, not choosable. */
export type UnavailableBenefit = { id: string; name: string; weekdays: number[] | null; remaining: number; period: string }

type Props = {
  view: CartRights
  unavailable: UnavailableBenefit[]
  /** the server's answer after each change: the parent keeps it for totals and the payment step */
  onView: (view: CartRights) => void
  disabled?: boolean
}

/**
 * The "Rights" step: points (with the cart's limit and the balance) and one member benefit. Every
 * amount shown comes from the server's plan; the step only sends the shopper's choice.
 */
export function RightsStep({ view, unavailable, onView, disabled }: Props) {
  const { t, locale } = useI18n()
  const applied = view.rights
  const [pointsInput, setPointsInput] = useState(applied.points_applied ? String(applied.points_applied) : "")
  const [seen, setSeen] = useState(applied)
  const [error, setError] = useState<{ code?: string; text: string } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  // the server answered (here or through a page refresh): the input shows what is applied
  if (seen !== applied) {
    setSeen(applied)
    setPointsInput(applied.points_applied ? String(applied.points_applied) : "")
  }

  const busy = pending || Boolean(disabled)
  const send = (choice: RightsChoice) => {
    // an old refusal goes away at once, not when the new answer lands
    setError(null)
    setNotice(null)
    startTransition(async () => {
      try {
        const result = await applyRights(choice)
        if (result.ok) {
          onView(result.view)
          if (result.notice) setNotice(result.notice)
        } else {
          if (result.view) onView(result.view)
          setError({ code: result.code, text: result.error })
        }
      } catch {
        setError({ text: t("common.backendDown") })
      }
    })
  }

  const applyPoints = (raw: string) => {
    const text = raw.trim()
    const points = text === "" ? 0 : /^\d+$/.test(text) ? Number(text) : -1
    send({ points })
  }
  const chooseBenefit = (id: string | null) => send({ benefit_id: id, points: applied.points_applied })

  // points-plus-cash goods are paid with exactly their points: applied for the shopper once, when the step shows
  const minPoints = view.points.min_for_cart
  const autoApplied = useRef(false)
  const needsRequired = minPoints > 0 && applied.points_applied < minPoints && view.points.balance >= minPoints
  useEffect(() => {
    if (!needsRequired || autoApplied.current || disabled) return
    autoApplied.current = true
    send({ points: minPoints })
  }, [needsRequired, minPoints, disabled])

  const periodKey = (period: string) => `rights.remaining.${period}` as MessageKey
  const remainingText = (b: { remaining: number; period: string; quota?: number }) => {
    const key = periodKey(b.period)
    const text = t(key, { remaining: b.remaining, quota: b.quota ?? "" })
    return text === key ? t("rights.remaining.month", { remaining: b.remaining, quota: b.quota ?? "" }) : text
  }
  const reason = (b: CartBenefit) => {
    if (b.remaining <= 0) return t("rights.reason.quota")
    if (!(b.value_for_cart > 0)) return t("rights.reason.notApplicable")
    return t("rights.reason.unavailable")
  }

  return (
    <section className="card form-section rights-step" data-testid="rights-step" aria-busy={busy} aria-labelledby="rights-title">
      <h2 id="rights-title" className="form-section-title">
        {t("rights.title")}
      </h2>
      {applied.stale ? (
        <p className="form-error-block rights-stale" data-testid="rights-stale">
          {t("rights.stale")}
        </p>
      ) : null}

      <div className="rights-points">
        <div className="rights-points-head">
          <span>
            {t("rights.balanceLabel")} <strong data-testid="rights-balance">{formatPoints(view.points.balance, locale)}</strong>
          </span>
          <span className="muted small" data-testid="rights-max" data-max={view.points.max_for_cart}>
            {t("rights.maxForCart", { max: formatPoints(view.points.max_for_cart, locale) })}
          </span>
          {minPoints > 0 ? (
            <span className="muted small" data-testid="rights-min" data-min={minPoints}>
              {t("rights.minForCart", { min: formatPoints(minPoints, locale) })}
            </span>
          ) : null}
        </div>
        <div className="rights-points-row">
          <label className="field rights-points-field">
            <span className="visually-hidden">{t("rights.pointsLabel")}</span>
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t("rights.pointsPlaceholder")}
              value={pointsInput}
              onChange={(e) => setPointsInput(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault()
                  applyPoints(pointsInput)
                }
              }}
              disabled={busy}
              aria-label={t("rights.pointsLabel")}
              data-testid="rights-points-input"
            />
          </label>
          <button type="button" className="btn btn-outline btn-small" onClick={() => applyPoints(String(view.points.max_for_cart))} disabled={busy || view.points.max_for_cart <= 0} data-testid="rights-use-max">
            {t("rights.useMax")}
          </button>
          <button type="button" className="btn btn-primary btn-small" onClick={() => applyPoints(pointsInput)} disabled={busy} data-testid="rights-apply-points">
            {t("rights.apply")}
          </button>
        </div>
        <p className="muted small">{t("rights.rate")}</p>
      </div>

      <div className="rights-benefits">
        <h3 className="rights-subtitle">{t("rights.benefits")}</h3>
        <div className="radio-list" role="radiogroup" aria-label={t("rights.benefits")}>
          <label className={`radio-card${applied.benefit_id ? "" : " is-active"}`}>
            <input type="radio" name="rights_benefit_choice" checked={!applied.benefit_id} onChange={() => chooseBenefit(null)} disabled={busy} data-testid="rights-benefit-none" />
            <span className="radio-name">{t("rights.noBenefit")}</span>
          </label>
          {view.benefits.map((b) => {
            const active = applied.benefit_id === b.id
            return (
              <label
                key={b.id}
                className={`radio-card benefit-card${active ? " is-active" : ""}${b.eligible ? "" : " is-disabled"}`}
                data-testid="rights-benefit"
                data-benefit-id={b.id}
                data-eligible={b.eligible}
              >
                <input type="radio" name="rights_benefit_choice" checked={active} onChange={() => chooseBenefit(b.id)} disabled={busy || !b.eligible} />
                <span className="radio-name benefit-card-text">
                  <span>{b.name}</span>
                  <small className="muted" data-testid="rights-benefit-remaining">
                    {remainingText(b)}
                  </small>
                  {b.eligible ? null : (
                    <small className="benefit-reason" data-testid="rights-benefit-reason">
                      {reason(b)}
                    </small>
                  )}
                </span>
                {b.eligible ? (
                  <span className="radio-price" data-testid="rights-benefit-value-for-cart">
                    {t("rights.saves", { amount: formatMoney(b.value_for_cart, locale) })}
                  </span>
                ) : null}
              </label>
            )
          })}
          {unavailable.map((b) => (
            <label key={b.id} className="radio-card benefit-card is-disabled" data-testid="rights-benefit" data-benefit-id={b.id} data-eligible="false">
              <input type="radio" name="rights_benefit_choice" checked={false} disabled readOnly />
              <span className="radio-name benefit-card-text">
                <span>{b.name}</span>
                <small className="muted">{remainingText(b)}</small>
                <small className="benefit-reason" data-testid="rights-benefit-reason">
                  {b.remaining <= 0
                    ? t("rights.reason.quota")
                    : b.weekdays?.length
                      ? t("rights.reason.weekday", { days: weekdayList(b.weekdays, t) })
                      : t("rights.reason.unavailable")}
                </small>
              </span>
            </label>
          ))}
        </div>
      </div>

      <dl className="totals rights-totals" data-testid="rights-totals" data-cash-due={applied.cash_due}>
        <div>
          <dt>{t("rights.benefitDiscount")}</dt>
          <dd data-testid="rights-benefit-value">−{formatMoney(applied.benefit_value, locale)}</dd>
        </div>
        <div>
          <dt>{applied.points_applied ? t("rights.pointsDeductionOf", { points: formatPoints(applied.points_applied, locale) }) : t("rights.pointsDeduction")}</dt>
          <dd data-testid="rights-points-value" data-points={applied.points_applied}>
            −{formatMoney(applied.points_value, locale)}
          </dd>
        </div>
        <div className="totals-grand">
          <dt>{t("rights.cashDue")}</dt>
          <dd data-testid="rights-cash-due">{formatMoney(applied.cash_due, locale)}</dd>
        </div>
      </dl>

      {pending ? (
        <p className="muted small" role="status">
          {t("rights.applying")}
        </p>
      ) : null}
      {error ? (
        <p className="form-error form-error-block" role="alert" data-testid="rights-error" data-code={error.code ?? ""}>
          {error.text}
        </p>
      ) : null}
      {notice ? (
        <p className="muted small" role="status" data-testid="rights-notice">
          {notice}
        </p>
      ) : null}

      {/* what the server applied: placing the order plans exactly this choice again */}
      <input type="hidden" name="rights_points" value={applied.points_applied} />
      <input type="hidden" name="rights_benefit_id" value={applied.benefit_id ?? ""} />
    </section>
  )
}
