import { titleMetadata } from "@/lib/i18n/page-title"
import { StatementsApp } from "./statements-app"

export const generateMetadata = titleMetadata("statements.title")

/**
 * The merchant portal's statements: read with the paired terminal's own credentials, kept on this
 * device by /merchant/terminal, so a device sees its own merchant's statements and nothing else.
 */
export default function StatementsPage() {
  return <StatementsApp />
}
