import type { Metadata } from "next"
import { SearchView } from "@/components/search-view"
import { getI18n } from "@/lib/i18n/server"
import { deviceId, hotSearches, recentSearches, searchProducts } from "@/lib/search/client"
import { parseSearchParams, type HotSearch, type RecentSearch, type SearchResult } from "@/lib/search/types"

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n()
  return { title: t("search.title") }
}

export default async function SearchPage({ searchParams }: Props) {
  const params = parseSearchParams(await searchParams)
  let initial: SearchResult | null = null
  let recent: RecentSearch[] = []
  let hot: HotSearch[] = []
  let failure: string | null = null
  const device = await deviceId()
  await Promise.all([
    params.q.trim()
      ? searchProducts({ ...params, limit: 20 }).then((r) => (initial = r), (e: Error) => (failure = e.message))
      : Promise.resolve(),
    recentSearches(device).then((r) => (recent = r), () => undefined),
    hotSearches().then((h) => (hot = h), () => undefined),
  ])
  return <SearchView initialParams={params} initial={initial} initialRecent={recent} hot={hot} initialError={failure} />
}
