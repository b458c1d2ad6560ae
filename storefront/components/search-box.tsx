import type { TFunction } from "@/lib/i18n/translate"

/** The header's search box: a plain GET form to /search, so it works before any script loads. */
export function SearchBox({ t }: { t: TFunction }) {
  return (
    <form action="/search" method="get" role="search" className="header-search" data-testid="header-search">
      <input
        type="search"
        name="q"
        maxLength={100}
        required
        placeholder={t("search.placeholder")}
        aria-label={t("search.placeholder")}
        style={{ width: "100%", minWidth: 0, fontSize: 14, padding: "6px 12px", border: "1px solid #e5e5e5", borderRadius: 999, background: "#f7f7f7" }}
      />
    </form>
  )
}
