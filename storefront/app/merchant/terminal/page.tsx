import { titleMetadata } from "@/lib/i18n/page-title"
import { backendUrl } from "@/lib/medusa/config"
import { TerminalApp } from "./terminal-app"

export const generateMetadata = titleMetadata("terminal.title")

/** The backend's address comes from the server's environment, so the same build works anywhere. */
export default function TerminalPage() {
  return <TerminalApp backendUrl={backendUrl()} />
}
