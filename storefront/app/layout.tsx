import type { Metadata, Viewport } from "next"
import type { ReactNode } from "react"
import { Header } from "@/components/header"
import { I18nProvider } from "@/components/i18n-provider"
import { MESSAGES } from "@/lib/i18n/messages"
import { getI18n } from "@/lib/i18n/server"
import { cartItemCount, retrieveCart } from "@/lib/medusa/cart"
import { getAuthToken } from "@/lib/medusa/session"
import "./globals.css"

// Every page depends on the visitor's cookies (locale, cart, login) and live backend data.
export const dynamic = "force-dynamic"

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n()
  return { title: { default: t("meta.title"), template: `%s · ${t("meta.title")}` }, description: t("meta.description") }
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#c8161d",
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getI18n()
  const loggedIn = Boolean(await getAuthToken())
  let cartCount = 0
  try {
    cartCount = cartItemCount(await retrieveCart())
  } catch {
    // Backend unreachable: the header still renders, pages show their own error state.
  }
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale} messages={MESSAGES[locale]}>
          <Header t={t} cartCount={cartCount} loggedIn={loggedIn} />
          <main className="container main">{children}</main>
          <footer className="site-footer">
            <div className="container">{t("footer.note")}</div>
          </footer>
        </I18nProvider>
      </body>
    </html>
  )
}
