/** "2026-11-28 19:35" in the operator's locale and time zone; "–" for nothing. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "–"
  return new Date(iso).toLocaleString(undefined, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
}

/** "3 min ago", "2 h ago", or the date for anything older than a day. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "never"
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000)
  if (seconds < 60) return "just now"
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`
  return formatDateTime(iso)
}
