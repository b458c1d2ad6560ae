import Link from "next/link"
import { redirect } from "next/navigation"
import { ChevronRightIcon, SceneIcon } from "@/components/icons"
import { EmptyState, ErrorState } from "@/components/states"
import { formatDay, isUsableStatus, kindLabel, VoucherStatusBadge } from "@/components/voucher-bits"
import { titleMetadata } from "@/lib/i18n/page-title"
import { getI18n } from "@/lib/i18n/server"
import type { Locale, TFunction } from "@/lib/i18n/translate"
import { readableError } from "@/lib/medusa/errors"
import { listWalletVouchers, retrieveWalletVoucher, sortVouchers, type WalletVoucher } from "@/lib/medusa/wallet"
import { formatMoney } from "@/lib/money"
import { IssuingNotice } from "./issuing-notice"

export const generateMetadata = titleMetadata("wallet.title")

type Props = { searchParams: Promise<{ order?: string | string[] }> }

/** Which of the vouchers came from this order (the list has no order id; details do). */
async function vouchersOfOrder(vouchers: WalletVoucher[], orderId: string): Promise<Set<string>> {
  if (vouchers.some((v) => v.order_id !== undefined)) {
    return new Set(vouchers.filter((v) => v.order_id === orderId).map((v) => v.id))
  }
  // Older backends: ask the details of a bounded number of vouchers (newest first).
  const candidates = vouchers.slice(0, 20)
  const found = await Promise.all(
    candidates.map(async (v) => {
      try {
        const result = await retrieveWalletVoucher(v.id)
        return result.kind === "ok" && result.voucher.order_id === orderId ? v.id : undefined
      } catch {
        return undefined
      }
    })
  )
  return new Set(found.filter((id): id is string => Boolean(id)))
}

export default async function WalletPage({ searchParams }: Props) {
  const { locale, t } = await getI18n()
  const orderParam = (await searchParams).order
  const orderId = typeof orderParam === "string" && /^[\w-]{1,64}$/.test(orderParam) ? orderParam : undefined

  let vouchers: WalletVoucher[] | undefined
  try {
    vouchers = await listWalletVouchers()
  } catch (error) {
    return <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={readableError(error)} />
  }
  if (!vouchers) redirect(`/account/login?next=${encodeURIComponent(orderId ? `/account/vouchers?order=${orderId}` : "/account/vouchers")}`)

  const fresh = orderId ? await vouchersOfOrder(vouchers, orderId) : new Set<string>()
  // Just bought, and the order's vouchers aren't in the wallet yet: they are being issued.
  const issuing = Boolean(orderId) && fresh.size === 0
  const sorted = sortVouchers(vouchers)
  const usable = sorted.filter((v) => isUsableStatus(v.status))
  const rest = sorted.filter((v) => !isUsableStatus(v.status))

  return (
    <div className="wallet-page" data-testid="wallet-page">
      <Link href="/account" className="back-link">
        ← {t("account.backToAccount")}
      </Link>
      <header className="wallet-head">
        <h1 className="page-title">{t("wallet.title")}</h1>
        <p className="muted small">{t("wallet.subtitle")}</p>
      </header>

      {issuing ? <IssuingNotice /> : null}

      {vouchers.length === 0 ? (
        issuing ? null : (
          <EmptyState
            testId="wallet-empty"
            title={t("wallet.empty")}
            body={t("wallet.emptyBody")}
            action={{ href: "/c/meal", label: t("wallet.emptyCta") }}
          />
        )
      ) : (
        <>
          {usable.length ? (
            <section aria-labelledby="wallet-usable">
              <h2 id="wallet-usable" className="section-title">
                {t("wallet.usable")} <span className="muted small">{t("wallet.count", { count: usable.length })}</span>
              </h2>
              <VoucherList vouchers={usable} fresh={fresh} locale={locale} t={t} />
            </section>
          ) : null}
          {rest.length ? (
            <section aria-labelledby="wallet-rest">
              <h2 id="wallet-rest" className="section-title">
                {t("wallet.history")}
              </h2>
              <VoucherList vouchers={rest} fresh={fresh} locale={locale} t={t} />
            </section>
          ) : null}
        </>
      )}
    </div>
  )
}

function VoucherList({ vouchers, fresh, locale, t }: { vouchers: WalletVoucher[]; fresh: Set<string>; locale: Locale; t: TFunction }) {
  return (
    <ul className="voucher-list">
      {vouchers.map((v) => (
        <li key={v.id}>
          <VoucherCard voucher={v} isNew={fresh.has(v.id)} locale={locale} t={t} />
        </li>
      ))}
    </ul>
  )
}

function VoucherCard({ voucher: v, isNew, locale, t }: { voucher: WalletVoucher; isNew: boolean; locale: Locale; t: TFunction }) {
  const usable = isUsableStatus(v.status)
  const share = v.face_value > 0 ? Math.max(0, Math.min(100, Math.round((v.balance / v.face_value) * 100))) : 0
  return (
    <Link
      href={`/account/vouchers/${encodeURIComponent(v.id)}`}
      className={`voucher-card${usable ? "" : " is-spent"}${isNew ? " is-new" : ""}`}
      data-testid="wallet-voucher"
      data-voucher-id={v.id}
      data-new={isNew ? "true" : undefined}
    >
      <div className="voucher-stub" aria-hidden="true">
        <SceneIcon scene={v.kind} size={26} />
        <span className="voucher-stub-kind">{kindLabel(v.kind, t)}</span>
      </div>
      <div className="voucher-body">
        <div className="voucher-top">
          <span className="voucher-title">{v.title}</span>
          {isNew ? <span className="voucher-new">{t("wallet.new")}</span> : null}
        </div>
        {v.merchant ? <span className="voucher-merchant muted small">{v.merchant.name}</span> : null}
        <span className="voucher-balance" data-testid="wallet-voucher-balance">
          {t("wallet.balanceOf", { balance: formatMoney(v.balance, locale), face: formatMoney(v.face_value, locale) })}
        </span>
        <span className="voucher-meter" aria-hidden="true">
          <span style={{ width: `${share}%` }} />
        </span>
        <div className="voucher-foot">
          <VoucherStatusBadge status={v.status} t={t} testId="wallet-voucher-status" />
          <span className="muted small">
            {v.expires_at ? t("wallet.expires", { date: formatDay(v.expires_at, locale) }) : t("wallet.noExpiry")}
          </span>
        </div>
      </div>
      <ChevronRightIcon size={18} className="voucher-chevron" />
    </Link>
  )
}
