import "server-only"
import type { Metadata } from "next"
import { getI18n } from "./server"
import type { MessageKey } from "./translate"

/**
 * `generateMetadata` for a page titled by a fixed message. It has to run per request
 * (not as static `metadata`) because the locale comes from the visitor's cookie.
 */
export function titleMetadata(key: MessageKey): () => Promise<Metadata> {
  return async () => {
    const { t } = await getI18n()
    return { title: t(key) }
  }
}
