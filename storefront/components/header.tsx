import Link from "next/link"
import { toggleLocale } from "@/lib/actions/locale"
import type { TFunction } from "@/lib/i18n/translate"
import { CartIcon, HomeIcon, TicketIcon, UserIcon } from "./icons"
import { SearchBox } from "./search-box"

export function Header({ t, cartCount, loggedIn }: { t: TFunction; cartCount: number; loggedIn: boolean }) {
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link href="/" className="logo" aria-label={t("meta.title")}>
          <span className="logo-mark" aria-hidden="true">掌</span>
          <span className="logo-text">
            <span className="logo-zh">掌上生活</span>
            <span className="logo-en">PalmLife</span>
          </span>
        </Link>
        <div style={{ flex: 1, minWidth: 0, margin: "0 8px" }}>
          <SearchBox t={t} />
        </div>
        <nav className="header-nav" aria-label="main">
          <Link href="/" className="nav-link" data-testid="home-link">
            <HomeIcon size={22} />
            <span className="nav-label">{t("nav.home")}</span>
          </Link>
          <Link href="/cart" className="nav-link" data-testid="cart-link" aria-label={`${t("nav.cart")} (${cartCount})`}>
            <span className="nav-icon-wrap">
              <CartIcon size={22} />
              {cartCount > 0 ? (
                <span className="badge" data-testid="cart-count">
                  {cartCount > 99 ? "99+" : cartCount}
                </span>
              ) : null}
            </span>
            <span className="nav-label">{t("nav.cart")}</span>
          </Link>
          {loggedIn ? (
            <Link href="/account/vouchers" className="nav-link" data-testid="vouchers-link">
              <TicketIcon size={22} />
              <span className="nav-label">{t("nav.vouchers")}</span>
            </Link>
          ) : null}
          <Link href={loggedIn ? "/account" : "/account/login"} className="nav-link" data-testid="account-link">
            <UserIcon size={22} />
            <span className="nav-label">{t("nav.account")}</span>
          </Link>
          <form action={toggleLocale}>
            <button type="submit" className="locale-switch" data-testid="locale-switch" aria-label={t("nav.switchLabel")}>
              {t("nav.switchTo")}
            </button>
          </form>
        </nav>
      </div>
    </header>
  )
}
