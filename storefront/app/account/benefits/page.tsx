import Link from "next/link"
import { redirect } from "next/navigation"
import { ErrorState } from "@/components/states"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import type { MessageKey, TFunction } from "@/lib/i18n/translate"
import { readableError } from "@/lib/medusa/errors"
import { retrieveCustomerRights, type Benefit, type CustomerRights } from "@/lib/medusa/rights"
import { formatMoney } from "@/lib/money"
import { weekdayList } from "@/lib/rights/messages"
import type { Locale } from "@/lib/i18n/translate"

export const generateMetadata = titleMetadata("benefits.title")

function known(t: TFunction, key: string, vars?: Record<string, string | number>): string | undefined {
  const text = t(key as MessageKey, vars)
  return text === key ? undefined : text
}

/** "特价 ¥9.90", "10% 优惠，最高减 ¥20.00", "立减 ¥5.00": the program's own figures. */
function benefitWhat(b: Benefit, t: TFunction, locale: Locale): string {
  if (b.kind === "fixed_price") return t("benefits.kind.fixed_price", { price: formatMoney(b.value, locale) })
  if (b.kind === "percent_off") {
    return b.cap != null
      ? t("benefits.kind.percent_off_cap", { percent: b.value, cap: formatMoney(b.cap, locale) })
      : t("benefits.kind.percent_off", { percent: b.value })
  }
  if (b.kind === "amount_off") return t("benefits.kind.amount_off", { amount: formatMoney(b.value, locale) })
  return b.kind
}

function scopeText(b: Benefit, t: TFunction): string {
  if (b.scope.type === "scene") return t("benefits.scope.scene", { scene: known(t, `scene.${b.scope.value}`) ?? b.scope.value })
  return t("benefits.scope.other")
}

export default async function BenefitsPage() {
  const { locale, t } = await getI18n()
  let rights: CustomerRights | undefined
  try {
    rights = await retrieveCustomerRights()
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} />
  }
  if (!rights) redirect(`/account/login?next=${encodeURIComponent("/account/benefits")}`)

  return (
    <div className="rights-page" data-testid="benefits-page">
      <Link href="/account" className="back-link">
        ← {t("account.backToAccount")}
      </Link>
      <h1 className="page-title">{t("benefits.title")}</h1>
      <p className="muted" data-testid="benefits-groups">
        {rights.groups.length ? t("benefits.groups", { names: rights.groups.map((g) => g.name).join(t("rights.weekdaySeparator")) }) : t("benefits.noGroup")}
      </p>
      {rights.benefits.length ? (
        <ul className="benefit-list">
          {rights.benefits.map((b) => {
            const period = known(t, `benefits.period.${b.period}`) ?? b.period
            return (
              <li key={b.id} className="card benefit-item" data-testid="benefit" data-benefit-id={b.id} data-remaining={b.remaining} data-quota={b.quota}>
                <div className="benefit-item-head">
                  <strong className="benefit-item-name">{b.name}</strong>
                  <span className={`status ${b.usable_now && b.remaining > 0 ? "status-completed" : ""}`}>
                    {b.usable_now
                      ? b.remaining > 0
                        ? t("benefits.usableNow")
                        : t("rights.reason.quota")
                      : b.weekdays?.length
                        ? t("benefits.onlyOn", { days: weekdayList(b.weekdays, t) })
                        : t("benefits.notNow")}
                  </span>
                </div>
                <p className="benefit-item-what">{benefitWhat(b, t, locale)}</p>
                <p className="muted small">
                  {scopeText(b, t)}
                  {b.weekdays?.length ? ` · ${t("benefits.onlyOn", { days: weekdayList(b.weekdays, t) })}` : ""}
                  {` · ${known(t, `benefits.funder.${b.funder}`) ?? b.funder}`}
                </p>
                <div className="benefit-quota">
                  <span className="muted small">{t("benefits.quota")}</span>
                  <strong data-testid="benefit-remaining">{t("benefits.quotaLeft", { period, remaining: b.remaining, quota: b.quota })}</strong>
                </div>
                <span className="voucher-meter" aria-hidden="true">
                  <span style={{ width: `${b.quota > 0 ? Math.round((Math.max(0, b.remaining) / b.quota) * 100) : 0}%` }} />
                </span>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="card form-section muted" data-testid="benefits-empty">
          {t("benefits.empty")}
        </p>
      )}
      <p className="muted small">{t("benefits.hint")}</p>
    </div>
  )
}
