"use client"

import { TerminalClient, type TerminalResponse, type TerminalStatement, type TerminalStatementLine } from "@palmlife/terminal-client"
import Link from "next/link"
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react"
import { useI18n } from "@/components/i18n-provider"
import { StoreIcon } from "@/components/icons"
import { toggleLocale } from "@/lib/actions/locale"
import type { MessageKey, TFunction } from "@/lib/i18n/translate"
import { canSign, loadDevice, terminalErrorKey, type PairedDevice } from "@/lib/terminal/device"
import { formatFen } from "@/lib/vouchers/format"
import { statementCsv } from "./statement-csv"
import styles from "./statements.module.css"

type CallResult<T> = TerminalResponse<T> | { ok: false; network: true }

async function call<T>(fn: () => Promise<TerminalResponse<T>>): Promise<CallResult<T>> {
  try {
    return await fn()
  } catch {
    return { ok: false, network: true }
  }
}

function failureMessage(result: Exclude<CallResult<unknown>, { ok: true }>, t: TFunction): string {
  if ("network" in result) return t("terminal.network")
  if (result.error.code === "statement_not_found") return t("statements.error.statement_not_found")
  const key = terminalErrorKey(result.error.code)
  return key ? t(key) : result.error.message || `HTTP ${result.status}`
}

const OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000
/** "YYYY-MM-DD" on the Asia/Shanghai calendar, `daysAgo` days back. */
const shanghaiDay = (daysAgo: number) => new Date(Date.now() + OFFSET_MS - daysAgo * DAY_MS).toISOString().slice(0, 10)
const dayIndex = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS

const statusKey = (s: string) => `statements.status.${s}` as MessageKey
const kindKey = (k: string) => `statements.kind.${k}` as MessageKey
const label = (t: TFunction, key: MessageKey, fallback: string) => (t(key) === key ? fallback : t(key))

export function StatementsApp() {
  const { t } = useI18n()
  // undefined: not paired; null: not read yet (localStorage exists only after hydration)
  const [device, setDevice] = useState<PairedDevice | undefined | null>(null)
  const [secure, setSecure] = useState(true)

  useEffect(() => {
    // The credentials live in this device's storage, readable only once the page runs in the browser.
    setDevice(loadDevice())
    setSecure(canSign())
  }, [])

  return (
    <div className="terminal-app" data-testid="statements-app">
      <header className="terminal-bar">
        <div className="terminal-brand">
          <span className="logo-mark" aria-hidden="true">掌</span>
          <span className="terminal-brand-text">
            <strong>{t("statements.title")}</strong>
            <span>PalmLife</span>
          </span>
        </div>
        <form action={toggleLocale}>
          <button type="submit" className="locale-switch" aria-label={t("nav.switchLabel")}>
            {t("nav.switchTo")}
          </button>
        </form>
      </header>

      {!secure ? (
        <p className="form-error form-error-block" role="alert">
          {t("terminal.needsSecureContext")}
        </p>
      ) : null}

      {device === null ? (
        <p className="muted terminal-loading">{t("terminal.loading")}</p>
      ) : device === undefined ? (
        <section className="card terminal-card" data-testid="statements-not-paired">
          <p>{t("statements.notPaired")}</p>
          <Link href="/merchant/terminal" className="btn btn-primary btn-block" data-testid="statements-pair-link">
            {t("statements.pairLink")}
          </Link>
        </section>
      ) : (
        <Statements key={device.keyId} device={device} />
      )}
    </div>
  )
}

function Statements({ device }: { device: PairedDevice }) {
  const { t } = useI18n()
  const client = useMemo(() => new TerminalClient({ baseUrl: device.baseUrl, keyId: device.keyId, secret: device.secret }), [device])
  const [from, setFrom] = useState(() => shanghaiDay(30))
  const [to, setTo] = useState(() => shanghaiDay(0))
  const [rangeError, setRangeError] = useState<string>()
  const [statements, setStatements] = useState<TerminalStatement[]>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(false)
  const [open, setOpen] = useState<TerminalStatement>()

  const load = useCallback(
    async (range: { from: string; to: string }) => {
      setLoading(true)
      const result = await call(() => client.statements(range))
      setLoading(false)
      if (result.ok) {
        setStatements(result.data.statements)
        setError(undefined)
      } else {
        setError(failureMessage(result, t))
      }
    },
    [client, t]
  )

  useEffect(() => {
    // first load for the default range once the device's credentials are known
    void load({ from: shanghaiDay(30), to: shanghaiDay(0) })
  }, [load])

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!from || !to || from > to || dayIndex(to) - dayIndex(from) + 1 > 93) {
      setRangeError(t("statements.rangeInvalid"))
      return
    }
    setRangeError(undefined)
    void load({ from, to })
  }

  return (
    <div className="terminal-main" data-testid="statements-paired">
      <section className={`card terminal-card ${styles.identity}`}>
        <span className="terminal-identity-icon" aria-hidden="true">
          <StoreIcon size={22} />
        </span>
        <div className="terminal-identity-text">
          <strong data-testid="statements-merchant">{device.merchant.name}</strong>
          <span className="muted small">{t("statements.subtitle")}</span>
        </div>
        <Link href="/merchant/terminal" className="btn btn-ghost btn-small">
          {t("statements.toTerminal")}
        </Link>
      </section>

      {open ? (
        <StatementDetail client={client} statement={open} onBack={() => setOpen(undefined)} />
      ) : (
        <>
          <form className={`card terminal-card`} onSubmit={submit} noValidate>
            <div className={styles.range}>
              <label>
                {t("statements.from")}
                <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} data-testid="statements-from" />
              </label>
              <label>
                {t("statements.to")}
                <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="statements-to" />
              </label>
              <button type="submit" className="btn btn-outline btn-small" disabled={loading} data-testid="statements-show">
                {t("statements.show")}
              </button>
            </div>
            {rangeError ? (
              <p className="form-error" role="alert">
                {rangeError}
              </p>
            ) : null}
          </form>

          <section className="card terminal-card" aria-live="polite">
            {error ? (
              <p className="form-error" role="alert" data-testid="statements-error">
                {error}
              </p>
            ) : null}
            {statements === undefined && !error ? <p className="muted small">{t("common.loading")}</p> : null}
            {statements && statements.length === 0 ? (
              <p className="muted small" data-testid="statements-empty">
                {t("statements.empty")}
              </p>
            ) : null}
            <ul className={styles.list}>
              {(statements ?? []).map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={styles.item}
                    onClick={() => setOpen(s)}
                    data-testid="statement-row"
                    data-statement-id={s.id}
                    data-business-date={s.business_date}
                    data-status={s.status}
                  >
                    <span className={styles.date}>{s.business_date}</span>
                    <span className={styles.net} data-testid="statement-net">
                      {formatFen(s.net_amount)}
                    </span>
                    <span className={styles.meta}>{t("statements.lines", { count: s.line_count })}</span>
                    <span className={styles.pill} data-status={s.status} data-testid="statement-status">
                      {label(t, statusKey(s.status), s.status)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  )
}

const PAGE = 100

function StatementDetail({ client, statement, onBack }: { client: TerminalClient; statement: TerminalStatement; onBack: () => void }) {
  const { t } = useI18n()
  const [current, setCurrent] = useState(statement)
  const [lines, setLines] = useState<TerminalStatementLine[]>([])
  const [next, setNext] = useState<string | null | undefined>(undefined)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<"lines" | "csv">()

  const loadPage = useCallback(
    async (after?: string) => {
      setBusy("lines")
      const result = await call(() => client.statement(statement.id, { limit: PAGE, after }))
      setBusy(undefined)
      if (!result.ok) {
        setError(failureMessage(result, t))
        return
      }
      setError(undefined)
      setCurrent(result.data.statement)
      setLines((prev) => (after ? [...prev, ...result.data.lines] : result.data.lines))
      setNext(result.data.next_after)
    },
    [client, statement.id, t]
  )

  useEffect(() => {
    // the first page of lines when the statement opens
    void loadPage()
  }, [loadPage])

  async function downloadCsv() {
    setBusy("csv")
    const all: TerminalStatementLine[] = []
    let after: string | undefined
    let latest = current
    for (;;) {
      const result = await call(() => client.statement(statement.id, { limit: 500, after }))
      if (!result.ok) {
        setBusy(undefined)
        setError(failureMessage(result, t))
        return
      }
      latest = result.data.statement
      all.push(...result.data.lines)
      if (!result.data.next_after) break
      after = result.data.next_after
    }
    const blob = new Blob(["\ufeff", statementCsv(latest, all)], { type: "text/csv;charset=utf-8" })
    const url = URL.createObjectURL(blob)
    const a = document.createElement("a")
    a.href = url
    a.download = `statement-${latest.business_date}.csv`
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    setBusy(undefined)
  }

  return (
    <>
      <section className="card terminal-card" data-testid="statement-detail" data-statement-id={current.id} data-status={current.status}>
        <div className="terminal-today-head">
          <h1 className="form-section-title" data-testid="statement-title">
            {t("statements.detailTitle", { date: current.business_date })}
          </h1>
          <button type="button" className="link-button" onClick={onBack} data-testid="statement-back">
            {t("statements.back")}
          </button>
        </div>
        <span className={styles.pill} data-status={current.status} style={{ justifySelf: "start", alignSelf: "flex-start" }}>
          {label(t, statusKey(current.status), current.status)}
        </span>
        <dl className={styles.facts}>
          <dt>{t("statements.gross")}</dt>
          <dd data-testid="statement-gross">{formatFen(current.gross_amount)}</dd>
          <dt>{t("statements.commission")}</dt>
          <dd data-testid="statement-commission">{formatFen(-current.commission_amount)}</dd>
          <dt>{t("statements.merchantFunded")}</dt>
          <dd>{formatFen(-current.merchant_funded_amount)}</dd>
          <dt>{t("statements.lineCount")}</dt>
          <dd>{current.line_count}</dd>
          <dt>{t("statements.net")}</dt>
          <dd className={styles.total} data-testid="statement-detail-net">
            {formatFen(current.net_amount)}
          </dd>
        </dl>
        <div className={styles.actions}>
          <button type="button" className="btn btn-primary" onClick={() => void downloadCsv()} disabled={Boolean(busy)} data-testid="statement-download">
            {busy === "csv" ? t("statements.downloading") : t("statements.download")}
          </button>
        </div>
        {error ? (
          <p className="form-error" role="alert" data-testid="statement-error">
            {error}
          </p>
        ) : null}
      </section>

      <section className="card terminal-card" aria-labelledby="statement-lines">
        <h2 id="statement-lines" className="form-section-title">
          {t("statements.linesTitle")}
        </h2>
        <ul className={styles.lines}>
          {lines.map((l) => (
            <li key={l.id} className={styles.line} data-kind={l.kind} data-testid="statement-line">
              <span>
                {label(t, kindKey(l.kind), l.kind)}
                {l.business_date !== current.business_date ? <span className="muted small"> · {t("statements.lateLine", { date: l.business_date })}</span> : null}
              </span>
              <span className={styles.amount}>{formatFen(l.net)}</span>
              <span className={styles.meta}>{l.voucher_id ?? l.order_id ?? l.id}</span>
              <span className={styles.meta} style={{ textAlign: "right" }}>
                {formatFen(l.gross)} − {formatFen(l.commission + l.merchant_funded)}
              </span>
            </li>
          ))}
        </ul>
        {next ? (
          <button type="button" className="btn btn-outline btn-block" disabled={Boolean(busy)} onClick={() => void loadPage(next)} data-testid="statement-more">
            {t("statements.loadMore")}
          </button>
        ) : null}
      </section>
    </>
  )
}
