import Link from "next/link"
import { redirect } from "next/navigation"
import { formatDate } from "@/components/order-summary"
import { ErrorState } from "@/components/states"
import { formatDay } from "@/components/voucher-bits"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import type { MessageKey } from "@/lib/i18n/translate"
import { readableError } from "@/lib/medusa/errors"
import { retrievePointsHistory, type PointsHistory } from "@/lib/medusa/rights"
import { formatPoints } from "@/lib/rights/messages"

export const generateMetadata = titleMetadata("points.title")

const PAGE_SIZE = 20

type Props = { searchParams: Promise<{ page?: string }> }

export default async function PointsPage({ searchParams }: Props) {
  const { locale, t } = await getI18n()
  const requested = Number((await searchParams).page ?? 1)
  const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1
  let history: PointsHistory | undefined
  try {
    history = await retrievePointsHistory(PAGE_SIZE, (page - 1) * PAGE_SIZE)
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} />
  }
  if (!history) redirect(`/account/login?next=${encodeURIComponent("/account/points")}`)
  const pages = Math.max(1, Math.ceil(history.count / PAGE_SIZE))
  const kindLabel = (kind: string) => {
    const key = `points.kind.${kind}` as MessageKey
    return t(key) === key ? kind : t(key)
  }

  return (
    <div className="rights-page" data-testid="points-page">
      <Link href="/account" className="back-link">
        ← {t("account.backToAccount")}
      </Link>
      <section className="points-hero">
        <span className="points-hero-label">{t("points.balance")}</span>
        <strong className="points-hero-balance" data-testid="points-balance" data-points={history.balance}>
          {formatPoints(history.balance, locale)}
        </strong>
        {history.expiring.length ? (
          <ul className="points-expiring">
            {history.expiring.map((x) => (
              <li key={x.expires_at} data-testid="points-expiring">
                {t("points.expiring", { points: formatPoints(x.points, locale), date: formatDay(x.expires_at, locale) })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <p className="muted small">{t("points.rule")}</p>

      <section className="card form-section">
        <h2 className="form-section-title">{t("points.history")}</h2>
        {history.entries.length ? (
          <ul className="points-history" data-testid="points-history">
            {history.entries.map((e) => (
              <li key={e.id} className="points-entry" data-testid="points-entry" data-kind={e.kind} data-points={e.points} data-order-id={e.order_id ?? ""}>
                <div className="points-entry-main">
                  <span className="points-entry-kind">{kindLabel(e.kind)}</span>
                  {e.reason && e.kind === "adjust" ? <span className="muted small">{e.reason}</span> : null}
                  <span className="muted small">{formatDate(e.created_at, locale)}</span>
                  {e.order_id ? (
                    <Link href={`/account/orders/${encodeURIComponent(e.order_id)}`} className="small">
                      {t("points.viewOrder")} ›
                    </Link>
                  ) : null}
                </div>
                <div className="points-entry-side">
                  <strong className={`points-entry-points${e.points < 0 ? " is-minus" : " is-plus"}`}>
                    {e.points > 0 ? "+" : e.points < 0 ? "−" : ""}
                    {formatPoints(Math.abs(e.points), locale)}
                  </strong>
                  <span className="muted small">{t("points.balanceAfter", { balance: formatPoints(e.balance_after, locale) })}</span>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small" data-testid="points-empty">
            {t("points.empty")}
          </p>
        )}
        {pages > 1 ? (
          <nav className="points-pager">
            {page > 1 ? <Link href={`/account/points?page=${page - 1}`}>{t("points.newer")}</Link> : <span />}
            <span className="muted small">{t("points.page", { page, pages })}</span>
            {page < pages ? <Link href={`/account/points?page=${page + 1}`}>{t("points.older")}</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  )
}
