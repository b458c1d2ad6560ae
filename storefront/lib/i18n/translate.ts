import type zh from "@/messages/zh-CN.json"

export const LOCALES = ["zh-CN", "en"] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = "zh-CN"
export const LOCALE_COOKIE = "locale"

/** zh-CN is the reference catalogue: every other locale must have exactly its keys. */
export type Messages = typeof zh
export type MessageKey = keyof Messages
export type MessageVars = Record<string, string | number>
export type TFunction = (key: MessageKey, vars?: MessageVars) => string

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
}

export function createT(messages: Messages): TFunction {
  return (key, vars) => {
    const template: string = messages[key] ?? key
    if (!vars) return template
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in vars ? String(vars[name]) : match
    )
  }
}
