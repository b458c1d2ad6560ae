import type { Locale, TFunction } from "@/lib/i18n/translate"
import { formatPoints } from "@/lib/rights/messages"

/** What a refund gave back besides cash, as the backend answered it. */
export function RefundRightsLines({
  pointsRefunded,
  pointsClawedBack,
  quotaRestored,
  locale,
  t,
}: {
  pointsRefunded: number
  pointsClawedBack: number
  quotaRestored: boolean
  locale: Locale
  t: TFunction
}) {
  if (!pointsRefunded && !pointsClawedBack && !quotaRestored) return null
  return (
    <ul className="refund-rights">
      {pointsRefunded ? (
        <li data-testid="refund-points-returned" data-points={pointsRefunded}>
          {t("wallet.refund.points", { points: formatPoints(pointsRefunded, locale) })}
        </li>
      ) : null}
      {pointsClawedBack ? (
        <li className="muted" data-testid="refund-points-clawed-back" data-points={pointsClawedBack}>
          {t("wallet.refund.clawedBack", { points: formatPoints(pointsClawedBack, locale) })}
        </li>
      ) : null}
      {quotaRestored ? <li data-testid="refund-quota-restored">{t("wallet.refund.quota")}</li> : null}
    </ul>
  )
}
