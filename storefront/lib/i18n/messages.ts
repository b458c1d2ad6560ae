import en from "@/messages/en.json"
import zh from "@/messages/zh-CN.json"
import type { Locale, Messages } from "./translate"

// Typed assignment: a key missing from en.json is a compile error.
const enMessages: Messages = en

export const MESSAGES: Record<Locale, Messages> = {
  "zh-CN": zh,
  en: enMessages,
}
