"use client"

import Link from "next/link"
import { useCallback, useEffect, useRef, useState } from "react"
import { useI18n } from "./i18n-provider"
import { formatMoney } from "@/lib/money"
import { highlightPieces, SEARCH_Q_MAX, type HotSearch, type RecentSearch, type SearchParams, type SearchResult, type SearchSort } from "@/lib/search/types"
import styles from "./search-view.module.css"

const SCENES = ["meal", "movie", "mall", "travel"] as const
type Scene = (typeof SCENES)[number]
const isScene = (s: string | null): s is Scene => !!s && (SCENES as readonly string[]).includes(s)
const DEBOUNCE_MS = 250

function Highlighted({ html, fallback }: { html: string | null; fallback: string | null }) {
  if (!html) return <>{fallback}</>
  return (
    <>
      {highlightPieces(html).map((p, i) => (p.mark ? <mark key={i} className={styles.mark}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  )
}

function toQuery(p: SearchParams) {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "" && v !== false && v !== null) qs.set(k, String(v))
  return qs.toString()
}

export function SearchView({
  initialParams,
  initial,
  initialRecent,
  hot,
  initialError,
}: {
  initialParams: SearchParams
  initial: SearchResult | null
  initialRecent: RecentSearch[]
  hot: HotSearch[]
  initialError: string | null
}) {
  const { t, locale } = useI18n()
  const [params, setParams] = useState<SearchParams>(initialParams)
  const [result, setResult] = useState<SearchResult | null>(initial)
  const [recent, setRecent] = useState<RecentSearch[]>(initialRecent)
  const [error, setError] = useState<string | null>(initialError)
  const [loading, setLoading] = useState(false)
  const [locating, setLocating] = useState(false)
  const seq = useRef(0)
  const first = useRef(true)

  const run = useCallback(async (p: SearchParams) => {
    const mine = ++seq.current
    // the address follows the search without a server round trip (Next keeps its router in sync)
    window.history.replaceState(null, "", `/search${p.q.trim() ? `?${toQuery(p)}` : ""}`)
    if (!p.q.trim()) {
      setResult(null)
      setError(null)
      return
    }
    setLoading(true)
    try {
      const res = await fetch(`/search/api?${toQuery(p)}`)
      const body = await res.json()
      if (mine !== seq.current) return
      if (!res.ok) throw new Error(body.message ?? res.statusText)
      setResult(body)
      setError(null)
    } catch (e) {
      if (mine === seq.current) setError((e as Error).message)
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  // search as you type (debounced); filters and sort apply at once
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = setTimeout(() => void run(params), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [params, run])

  const update = (patch: Partial<SearchParams>) => setParams((p) => ({ ...p, ...patch }))

  const remember = async (q: string) => {
    if (!q.trim()) return
    const res = await fetch("/search/api/recent", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ q }) })
    if (res.ok) setRecent((await res.json()).recent)
  }

  const clearRecent = async () => {
    await fetch("/search/api/recent", { method: "DELETE" })
    setRecent([])
  }

  const useMyLocation = () => {
    if (!navigator.geolocation) return update({ sort: "relevance" })
    setLocating(true)
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false)
        update({ sort: "distance", lat: Number(pos.coords.latitude.toFixed(4)), lng: Number(pos.coords.longitude.toFixed(4)) })
      },
      () => {
        setLocating(false)
        setError(t("search.locationDenied"))
      },
      { timeout: 8000 }
    )
  }

  const onSort = (sort: SearchSort) => (sort === "distance" ? useMyLocation() : update({ sort, lat: undefined, lng: undefined }))
  const sceneFacet = result?.facets.scene ?? {}
  const cityFacet = result?.facets.city ?? {}

  return (
    <div className={styles.page} data-testid="search-page">
      <form
        className={styles.bar}
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          void run(params)
          void remember(params.q)
        }}
      >
        <input
          className={styles.input}
          type="search"
          name="q"
          value={params.q}
          maxLength={SEARCH_Q_MAX}
          autoFocus
          autoComplete="off"
          placeholder={t("search.placeholder")}
          aria-label={t("search.placeholder")}
          data-testid="search-input"
          onChange={(e) => update({ q: e.target.value })}
        />
        <button type="submit" className={styles.submit}>{t("search.submit")}</button>
      </form>

      {!params.q.trim() ? (
        <div className={styles.suggest}>
          {recent.length ? (
            <section data-testid="search-recent">
              <div className={styles.suggestHead}>
                <h2>{t("search.recent")}</h2>
                <button type="button" className={styles.linkButton} onClick={() => void clearRecent()}>{t("search.clearRecent")}</button>
              </div>
              <div className={styles.chips}>
                {recent.map((r) => (
                  <button key={r.q} type="button" className={styles.chip} onClick={() => update({ q: r.q })}>{r.q}</button>
                ))}
              </div>
            </section>
          ) : null}
          {hot.length ? (
            <section data-testid="search-hot">
              <h2>{t("search.hot")}</h2>
              <ol className={styles.hot}>
                {hot.map((h, i) => (
                  <li key={h.q}>
                    <button type="button" className={styles.hotItem} onClick={() => update({ q: h.q })}>
                      <span className={i < 3 ? styles.rankTop : styles.rank}>{i + 1}</span>
                      {h.q}
                    </button>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </div>
      ) : (
        <>
          <div className={styles.filters}>
            <div className={styles.chips} aria-label={t("search.scene")}>
              <button type="button" className={!params.scene ? styles.chipOn : styles.chip} onClick={() => update({ scene: undefined })}>{t("search.all")}</button>
              {SCENES.map((s) => (
                <button key={s} type="button" data-testid={`facet-scene-${s}`} className={params.scene === s ? styles.chipOn : styles.chip} disabled={!sceneFacet[s] && params.scene !== s} onClick={() => update({ scene: params.scene === s ? undefined : s })}>
                  {t(`scene.${s}`)} <span className={styles.count}>{sceneFacet[s] ?? 0}</span>
                </button>
              ))}
            </div>
            {Object.keys(cityFacet).length ? (
              <div className={styles.chips} aria-label={t("search.city")}>
                {Object.entries(cityFacet).map(([c, n]) => (
                  <button key={c} type="button" data-testid={`facet-city-${c}`} className={params.city === c ? styles.chipOn : styles.chip} onClick={() => update({ city: params.city === c ? undefined : c })}>
                    {c} <span className={styles.count}>{n}</span>
                  </button>
                ))}
              </div>
            ) : null}
            <div className={styles.row}>
              <label className={styles.field}>
                {t("search.sort")}
                <select value={params.sort ?? "relevance"} onChange={(e) => onSort(e.target.value as SearchSort)} data-testid="search-sort">
                  <option value="relevance">{t("search.sortRelevance")}</option>
                  <option value="distance">{locating ? t("common.loading") : t("search.sortDistance")}</option>
                  <option value="price">{t("search.sortPrice")}</option>
                  <option value="price_desc">{t("search.sortPriceDesc")}</option>
                </select>
              </label>
              <label className={styles.field}>
                ¥
                <input type="number" min={0} inputMode="numeric" className={styles.price} placeholder={t("search.priceMin")} value={params.price_min ?? ""} onChange={(e) => update({ price_min: e.target.value === "" ? undefined : Number(e.target.value) })} />
                –
                <input type="number" min={0} inputMode="numeric" className={styles.price} placeholder={t("search.priceMax")} value={params.price_max ?? ""} onChange={(e) => update({ price_max: e.target.value === "" ? undefined : Number(e.target.value) })} />
              </label>
              <label className={styles.check}>
                <input type="checkbox" checked={!!params.open_now} onChange={(e) => update({ open_now: e.target.checked || undefined })} data-testid="search-open-now" />
                {t("search.openNow")}
              </label>
            </div>
          </div>

          {error ? <p className={styles.error} role="alert">{error}</p> : null}
          <p className={styles.summary} aria-live="polite" data-testid="search-count">
            {loading ? t("common.loading") : result ? t("search.count", { count: result.count }) : ""}
          </p>
          {result && result.count === 0 && !loading ? <p className={styles.empty}>{t("search.empty")}</p> : null}
          <ul className={styles.hits} data-testid="search-hits">
            {(result?.hits ?? []).map((h) => (
              <li key={h.product_id} className={styles.hit}>
                <Link href={`/p/${h.handle}`} className={styles.hitLink} onClick={() => void remember(params.q)} data-testid="search-hit">
                  {h.thumbnail ? <img src={h.thumbnail} alt="" className={styles.thumb} loading="lazy" /> : <span className={styles.thumb} />}
                  <span className={styles.hitBody}>
                    <span className={styles.hitTitle}><Highlighted html={h.highlight.title} fallback={h.title} /></span>
                    {h.subtitle ? <span className={styles.hitSub}><Highlighted html={h.highlight.subtitle} fallback={h.subtitle} /></span> : null}
                    <span className={styles.hitMeta}>
                      {isScene(h.scene) ? <span className={styles.tag}>{t(`scene.${h.scene}`)}</span> : null}
                      {h.merchant_name ? <Highlighted html={h.highlight.merchant_name} fallback={h.merchant_name} /> : null}
                      {h.city ? <span> · {h.city}</span> : null}
                      {h.distance_km !== null ? <span> · {t("search.km", { km: h.distance_km })}</span> : null}
                      {!h.in_stock ? <span className={styles.soldOut}> · {t("search.soldOut")}</span> : null}
                    </span>
                  </span>
                  <span className={styles.hitPrice}>{h.price !== null ? formatMoney(h.price, locale) : ""}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
