"use client"

import { createContext, useContext, useMemo, type ReactNode } from "react"
import { createT, type Locale, type Messages, type TFunction } from "@/lib/i18n/translate"

type I18nValue = { locale: Locale; t: TFunction }

const I18nContext = createContext<I18nValue | null>(null)

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale
  messages: Messages
  children: ReactNode
}) {
  const value = useMemo(() => ({ locale, t: createT(messages) }), [locale, messages])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>")
  return value
}
