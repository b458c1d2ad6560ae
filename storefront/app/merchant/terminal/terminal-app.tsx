"use client"

import {
  randomToken,
  TerminalClient,
  type TerminalRedemption,
  type TerminalResponse,
  type VerifiedVoucher,
} from "@palmlife/terminal-client"
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react"
import { useI18n } from "@/components/i18n-provider"
import { CheckIcon, ScanIcon, StoreIcon } from "@/components/icons"
import { toggleLocale } from "@/lib/actions/locale"
import type { MessageKey, TFunction } from "@/lib/i18n/translate"
import {
  canSign,
  deviceFromPairing,
  forgetDevice,
  loadDevice,
  saveDevice,
  terminalErrorKey,
  withinReversalWindow,
  type PairedDevice,
} from "@/lib/terminal/device"
import {
  checkVoucherCode,
  codeFromInput,
  fenToYuanInput,
  formatFen,
  groupVoucherCode,
  parseYuanToFen,
} from "@/lib/vouchers/format"
import { QrScanner, useQrScanSupport } from "./qr-scanner"

type NetworkFailure = { ok: false; network: true }
type CallResult<T> = TerminalResponse<T> | NetworkFailure

/** Runs one terminal call; a request that never got an answer (offline, CORS, DNS) is reported as such. */
async function call<T>(fn: () => Promise<TerminalResponse<T>>): Promise<CallResult<T>> {
  try {
    return await fn()
  } catch {
    return { ok: false, network: true }
  }
}

function failureMessage(result: Exclude<CallResult<unknown>, { ok: true }>, t: TFunction): string {
  if ("network" in result) return t("terminal.network")
  const key = terminalErrorKey(result.error.code)
  return key ? t(key) : result.error.message || `HTTP ${result.status}`
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>()
function formatTime(iso: string, locale: string): string {
  let f = timeFormatters.get(locale)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" })
    timeFormatters.set(locale, f)
  }
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? "" : f.format(d)
}

export function TerminalApp({ backendUrl }: { backendUrl: string }) {
  const { t } = useI18n()
  // undefined: not paired; null: not read yet (localStorage exists only after hydration)
  const [device, setDevice] = useState<PairedDevice | undefined | null>(null)
  const [secure, setSecure] = useState(true)

  useEffect(() => {
    // Reading the device's storage has to wait until the page runs in the browser.
    setDevice(loadDevice())
    setSecure(canSign())
  }, [])

  const unpair = useCallback(() => {
    forgetDevice()
    setDevice(undefined)
  }, [])

  return (
    <div className="terminal-app" data-testid="terminal-app">
      <header className="terminal-bar">
        <div className="terminal-brand">
          <span className="logo-mark" aria-hidden="true">掌</span>
          <span className="terminal-brand-text">
            <strong>{t("terminal.title")}</strong>
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
        <p className="form-error form-error-block" role="alert" data-testid="terminal-insecure">
          {t("terminal.needsSecureContext")}
        </p>
      ) : null}

      {device === null ? (
        <p className="muted terminal-loading" data-testid="terminal-loading">
          {t("terminal.loading")}
        </p>
      ) : device === undefined ? (
        <PairingForm
          backendUrl={backendUrl}
          onPaired={(d) => {
            saveDevice(d)
            setDevice(d)
          }}
        />
      ) : (
        <PairedTerminal key={device.keyId} device={device} onUnpair={unpair} />
      )}
    </div>
  )
}

// ---------------------------------------------------------------- pairing

function PairingForm({ backendUrl, onPaired }: { backendUrl: string; onPaired: (device: PairedDevice) => void }) {
  const { t } = useI18n()
  const [code, setCode] = useState("")
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const digits = code.replace(/[\s-]/g, "")
    if (!/^\d{8}$/.test(digits)) {
      setError(t("terminal.pairInvalid"))
      return
    }
    setBusy(true)
    setError(undefined)
    const result = await call(() => TerminalClient.pair(backendUrl, digits))
    setBusy(false)
    if (result.ok) {
      onPaired(deviceFromPairing(backendUrl, result.data))
    } else if (!("network" in result) && (result.status === 401 || result.status === 404)) {
      setError(t("terminal.pairRejected"))
    } else {
      setError(failureMessage(result, t))
    }
  }

  return (
    <form className="card terminal-card terminal-pair" onSubmit={submit} noValidate data-testid="terminal-pair-form">
      <h1 className="form-section-title">{t("terminal.pairTitle")}</h1>
      <p className="muted small">{t("terminal.pairBody")}</p>
      <label className={`field${error ? " has-error" : ""}`}>
        <span className="field-label">{t("terminal.pairingCode")}</span>
        <input
          name="pairing_code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value)
            setError(undefined)
          }}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          placeholder="0000 0000"
          className="terminal-input terminal-input-code"
          data-testid="pairing-code"
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <span className="field-error" role="alert" data-testid="pair-error">
            {error}
          </span>
        ) : null}
      </label>
      <button type="submit" className="btn btn-primary btn-block btn-lg" disabled={busy} data-testid="pair-submit">
        {busy ? t("terminal.pairing") : t("terminal.pairSubmit")}
      </button>
    </form>
  )
}

// ---------------------------------------------------------------- paired terminal

type Outcome =
  | { kind: "success"; amount: number; balance: number; title: string; usage: VerifiedVoucher["usage"] }
  | { kind: "reversed"; amount: number; balance: number }
  | { kind: "error"; message: string; retryable?: boolean; reauth?: boolean }

type Attempt = { signature: string; key: string }

function PairedTerminal({ device, onUnpair }: { device: PairedDevice; onUnpair: () => void }) {
  const { t, locale } = useI18n()
  const client = useMemo(
    () => new TerminalClient({ baseUrl: device.baseUrl, keyId: device.keyId, secret: device.secret }),
    [device]
  )

  const [codeInput, setCodeInput] = useState("")
  const [codeError, setCodeError] = useState<string>()
  const [busy, setBusy] = useState<"verify" | "redeem" | "reverse">()
  const [verified, setVerified] = useState<{ code: string; voucher: VerifiedVoucher }>()
  const [amountInput, setAmountInput] = useState("")
  const [amountError, setAmountError] = useState<string>()
  const [outcome, setOutcome] = useState<Outcome>()
  const [confirmUnpair, setConfirmUnpair] = useState(false)
  const [scanning, setScanning] = useState(false)
  const scanSupported = useQrScanSupport()
  const codeRef = useRef<HTMLInputElement>(null)

  // One idempotency key per redeem attempt, reused when the same redeem is retried.
  const redeemAttempt = useRef<Attempt | undefined>(undefined)
  const reverseKeys = useRef(new Map<string, string>())

  // ---- today's list
  const [today, setToday] = useState<TerminalRedemption[]>()
  const [todayError, setTodayError] = useState<string>()
  const [confirmReverse, setConfirmReverse] = useState<string>()
  const [now, setNow] = useState(() => Date.now())

  const loadToday = useCallback(async () => {
    const result = await call(() => client.redemptions())
    if (result.ok) {
      setToday(result.data.redemptions)
      setTodayError(undefined)
    } else {
      setTodayError(failureMessage(result, t))
    }
    setNow(Date.now())
  }, [client, t])

  useEffect(() => {
    // First load of today's list once the terminal is on screen.
    void loadToday()
    const timer = setInterval(() => setNow(Date.now()), 30_000) // reverse buttons expire with the window
    return () => clearInterval(timer)
  }, [loadToday])

  function resetForNext() {
    setVerified(undefined)
    setAmountInput("")
    setAmountError(undefined)
    setCodeInput("")
    setCodeError(undefined)
    redeemAttempt.current = undefined
    codeRef.current?.focus()
  }

  function showFailure(result: Exclude<CallResult<unknown>, { ok: true }>) {
    const network = "network" in result
    setOutcome({
      kind: "error",
      message: network ? t("terminal.retryHint") : failureMessage(result, t),
      retryable: network || result.status >= 500,
      reauth: !network && result.status === 401,
    })
  }

  async function verify(raw: string) {
    const code = codeFromInput(raw)
    const check = checkVoucherCode(code)
    setOutcome(undefined)
    if (check !== "ok") {
      // Typos never reach the server: unknown codes count towards the terminal's lockout.
      setCodeError(t(`terminal.code.${check}` as MessageKey))
      setVerified(undefined)
      return
    }
    setCodeError(undefined)
    setBusy("verify")
    const result = await call(() => client.verify(code))
    setBusy(undefined)
    if (result.ok) {
      setVerified({ code, voucher: result.data.voucher })
      setAmountInput("")
      setAmountError(undefined)
      redeemAttempt.current = undefined
    } else {
      setVerified(undefined)
      if ("network" in result) setOutcome({ kind: "error", message: t("terminal.network"), retryable: true })
      else showFailure(result)
    }
  }

  async function redeem() {
    if (!verified) return
    const { code, voucher } = verified
    let amount: number | undefined
    if (voucher.usage === "stored_value") {
      const parsed = parseYuanToFen(amountInput)
      if (!parsed.ok) {
        setAmountError(t(`terminal.amount.${parsed.reason}` as MessageKey))
        return
      }
      if (parsed.fen > voucher.balance) {
        setAmountError(t("terminal.amount.overBalance", { balance: formatFen(voucher.balance) }))
        return
      }
      amount = parsed.fen
    }
    setAmountError(undefined)
    const signature = `${code}|${amount ?? ""}`
    if (redeemAttempt.current?.signature !== signature) redeemAttempt.current = { signature, key: randomToken(16) }
    const idempotencyKey = redeemAttempt.current.key
    setBusy("redeem")
    setOutcome(undefined)
    const result = await call(() => client.redeem(code, { amount, idempotencyKey }))
    setBusy(undefined)
    if (result.ok) {
      const { redemption, voucher: after } = result.data
      redeemAttempt.current = undefined
      setOutcome({ kind: "success", amount: redemption.amount, balance: after.balance, title: after.title, usage: after.usage })
      setVerified(undefined)
      setAmountInput("")
      setCodeInput("")
      void loadToday()
      return
    }
    // A definitive answer ends this attempt; an unanswered or 5xx one keeps its key for a safe retry.
    if (!("network" in result) && result.status < 500) redeemAttempt.current = undefined
    showFailure(result)
  }

  async function reverse(redemption: TerminalRedemption) {
    let key = reverseKeys.current.get(redemption.id)
    if (!key) {
      key = randomToken(16)
      reverseKeys.current.set(redemption.id, key)
    }
    setBusy("reverse")
    setOutcome(undefined)
    const result = await call(() => client.reverse(redemption.id, { idempotencyKey: key }))
    setBusy(undefined)
    setConfirmReverse(undefined)
    if (result.ok) {
      reverseKeys.current.delete(redemption.id)
      setOutcome({ kind: "reversed", amount: result.data.redemption.amount, balance: result.data.voucher.balance })
      if (verified && verified.voucher.id === result.data.voucher.id) setVerified(undefined)
    } else {
      if (!("network" in result) && result.status < 500) reverseKeys.current.delete(redemption.id)
      showFailure(result)
    }
    void loadToday()
  }

  const live = (today ?? []).filter((r) => !r.reversed_at)
  const total = live.reduce((sum, r) => sum + r.amount, 0)

  return (
    <div className="terminal-main" data-testid="terminal-paired">
      <section className="card terminal-card terminal-identity">
        <span className="terminal-identity-icon" aria-hidden="true">
          <StoreIcon size={22} />
        </span>
        <div className="terminal-identity-text">
          <strong data-testid="terminal-merchant">{device.merchant.name}</strong>
          <span className="small" data-testid="terminal-store">
            {t("terminal.store", { name: device.store.name })}
          </span>
          <span className="muted small">
            {t("terminal.device", { name: device.terminal.name })}
          </span>
        </div>
        {confirmUnpair ? (
          <div className="terminal-unpair-confirm">
            <span className="small">{t("terminal.unpairConfirm")}</span>
            <div className="terminal-inline-actions">
              <button type="button" className="btn btn-ghost" onClick={() => setConfirmUnpair(false)}>
                {t("terminal.cancel")}
              </button>
              <button type="button" className="btn btn-outline btn-small" onClick={onUnpair} data-testid="terminal-unpair-confirm">
                {t("terminal.unpair")}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn btn-ghost" onClick={() => setConfirmUnpair(true)} data-testid="terminal-unpair">
            {t("terminal.unpair")}
          </button>
        )}
      </section>

      <form
        className="card terminal-card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void verify(codeInput)
        }}
      >
        <label className={`field${codeError ? " has-error" : ""}`}>
          <span className="field-label">{t("terminal.codeLabel")}</span>
          <div className="terminal-code-row">
            <input
              ref={codeRef}
              name="code"
              value={codeInput}
              onChange={(e) => {
                setCodeInput(e.target.value)
                setCodeError(undefined)
              }}
              inputMode="numeric"
              autoComplete="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="search"
              maxLength={64}
              placeholder={t("terminal.codePlaceholder")}
              className="terminal-input terminal-input-code"
              data-testid="terminal-code-input"
              aria-invalid={codeError ? true : undefined}
            />
            {scanSupported ? (
              <button type="button" className="btn btn-outline terminal-scan" onClick={() => setScanning(true)} data-testid="terminal-scan">
                <ScanIcon size={20} />
                <span>{t("terminal.scan")}</span>
              </button>
            ) : null}
          </div>
          {codeError ? (
            <span className="field-error" role="alert" data-testid="terminal-code-error">
              {codeError}
            </span>
          ) : null}
        </label>
        <button type="submit" className="btn btn-primary btn-block btn-lg" disabled={Boolean(busy)} data-testid="terminal-verify">
          {busy === "verify" ? t("terminal.verifying") : t("terminal.verify")}
        </button>
      </form>

      {scanning ? (
        <QrScanner
          onCancel={() => setScanning(false)}
          onCode={(raw) => {
            setScanning(false)
            const code = codeFromInput(raw)
            setCodeInput(groupVoucherCode(code))
            void verify(code)
          }}
        />
      ) : null}

      {outcome ? <OutcomeCard outcome={outcome} t={t} onNext={resetForNext} onUnpair={onUnpair} /> : null}

      {verified ? (
        <VoucherCard
          voucher={verified.voucher}
          code={verified.code}
          amountInput={amountInput}
          amountError={amountError}
          busy={busy === "redeem"}
          disabled={Boolean(busy)}
          onAmount={(value) => {
            setAmountInput(value)
            setAmountError(undefined)
          }}
          onRedeem={() => void redeem()}
        />
      ) : null}

      <section className="card terminal-card" aria-labelledby="terminal-today">
        <div className="terminal-today-head">
          <h2 id="terminal-today" className="form-section-title">
            {t("terminal.today")}
          </h2>
          <button type="button" className="link-button" onClick={() => void loadToday()} data-testid="terminal-refresh">
            {t("terminal.refresh")}
          </button>
        </div>
        <p className="terminal-totals" data-testid="terminal-today-total">
          {t("terminal.todayTotals", { count: live.length, amount: formatFen(total) })}
        </p>
        {todayError ? <p className="form-error">{todayError}</p> : null}
        {today && today.length === 0 ? <p className="muted small">{t("terminal.todayEmpty")}</p> : null}
        <ul className="terminal-rows">
          {(today ?? []).map((r) => (
            <li
              key={r.id}
              className={`terminal-row${r.reversed_at ? " is-reversed" : ""}`}
              data-testid="terminal-redemption-row"
              data-redemption-id={r.id}
            >
              <span className="terminal-row-time">{formatTime(r.created_at, locale)}</span>
              <span className="terminal-row-title">{r.voucher?.title ?? r.voucher_id}</span>
              <span className="terminal-row-amount">{formatFen(r.amount)}</span>
              <span className="terminal-row-action">
                {r.reversed_at ? (
                  <span className="status voucher-status-reversed">{t("terminal.reversed")}</span>
                ) : withinReversalWindow(r.created_at, now) ? (
                  confirmReverse === r.id ? (
                    <span className="terminal-inline-actions">
                      <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirmReverse(undefined)}>
                        {t("terminal.cancel")}
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline btn-small"
                        disabled={Boolean(busy)}
                        onClick={() => void reverse(r)}
                        data-testid="terminal-reverse-confirm"
                      >
                        {busy === "reverse" ? t("terminal.reversing") : t("terminal.reverseConfirm")}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={Boolean(busy)}
                      onClick={() => setConfirmReverse(r.id)}
                      data-testid="terminal-reverse"
                    >
                      {t("terminal.reverse")}
                    </button>
                  )
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

function OutcomeCard({ outcome, t, onNext, onUnpair }: { outcome: Outcome; t: TFunction; onNext: () => void; onUnpair: () => void }) {
  if (outcome.kind === "error") {
    return (
      <div className="terminal-outcome is-error" role="alert" data-testid="terminal-error">
        <span>{outcome.message}</span>
        {outcome.reauth ? (
          <button type="button" className="btn btn-outline btn-small" onClick={onUnpair}>
            {t("terminal.unpair")}
          </button>
        ) : null}
      </div>
    )
  }
  if (outcome.kind === "reversed") {
    return (
      <div className="terminal-outcome is-info" role="status" data-testid="terminal-reversed">
        {t("terminal.reverseDone", { amount: formatFen(outcome.amount), balance: formatFen(outcome.balance) })}
      </div>
    )
  }
  return (
    <div className="terminal-outcome is-success" role="status" data-testid="terminal-success">
      <span className="terminal-outcome-icon" aria-hidden="true">
        <CheckIcon size={26} />
      </span>
      <div className="terminal-outcome-text">
        <strong>{t("terminal.success", { amount: formatFen(outcome.amount) })}</strong>
        <span className="small">{outcome.title}</span>
        {outcome.usage === "stored_value" ? (
          <span data-testid="terminal-success-balance">{t("terminal.successBalance", { balance: formatFen(outcome.balance) })}</span>
        ) : null}
      </div>
      <button type="button" className="btn btn-ghost btn-small" onClick={onNext}>
        {t("terminal.next")}
      </button>
    </div>
  )
}

function VoucherCard({
  voucher,
  code,
  amountInput,
  amountError,
  busy,
  disabled,
  onAmount,
  onRedeem,
}: {
  voucher: VerifiedVoucher
  code: string
  amountInput: string
  amountError?: string
  busy: boolean
  disabled: boolean
  onAmount: (value: string) => void
  onRedeem: () => void
}) {
  const { t, locale } = useI18n()
  const reasonKey = terminalErrorKey(voucher.reason)
  const reason = reasonKey ? t(reasonKey) : voucher.reason_message || voucher.reason
  const stored = voucher.usage === "stored_value"
  const parsed = stored ? parseYuanToFen(amountInput) : undefined
  const kindKey = `voucher.kind.${voucher.kind}` as MessageKey
  const statusKey = `wallet.status.${voucher.status}` as MessageKey

  return (
    <section
      className={`card terminal-card terminal-voucher${voucher.redeemable ? " is-ok" : " is-blocked"}`}
      data-testid="terminal-voucher"
      data-redeemable={voucher.redeemable ? "true" : "false"}
    >
      <div className="terminal-voucher-head">
        <span className="chip">{t(kindKey) === kindKey ? t("common.voucher") : t(kindKey)}</span>
        <span className={`status voucher-status voucher-status-${voucher.status}`} data-testid="terminal-voucher-status">
          {t(statusKey) === statusKey ? voucher.status : t(statusKey)}
        </span>
      </div>
      <h2 className="terminal-voucher-title" data-testid="terminal-voucher-title">
        {voucher.title}
      </h2>
      <p className="muted small terminal-voucher-code">{groupVoucherCode(code)}</p>
      <dl className="terminal-voucher-facts">
        <div>
          <dt>{t("terminal.balance")}</dt>
          <dd className="terminal-voucher-balance" data-testid="terminal-voucher-balance">
            {formatFen(voucher.balance)}
          </dd>
        </div>
        <div>
          <dt>{t("terminal.face")}</dt>
          <dd>{formatFen(voucher.face_value)}</dd>
        </div>
        <div>
          <dt>{t(`terminal.usage.${voucher.usage}` as MessageKey)}</dt>
          <dd className="small">
            {voucher.expires_at
              ? `${t("terminal.expires")} ${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(voucher.expires_at))}`
              : t("wallet.noExpiry")}
          </dd>
        </div>
      </dl>

      {voucher.redeemable ? (
        <p className="terminal-verdict is-ok" data-testid="terminal-voucher-redeemable">
          <CheckIcon size={18} /> {t("terminal.redeemable")}
        </p>
      ) : (
        <p className="terminal-verdict is-blocked" role="alert" data-testid="terminal-voucher-reason" data-reason={voucher.reason}>
          {t("terminal.notRedeemable")}
          {reason ? `：${reason}` : ""}
        </p>
      )}

      {voucher.redeemable ? (
        <form
          className="terminal-redeem"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            onRedeem()
          }}
        >
          {stored ? (
            <label className={`field${amountError ? " has-error" : ""}`}>
              <span className="field-label">{t("terminal.amount")}</span>
              <div className="terminal-amount-row">
                <span className="terminal-amount-prefix" aria-hidden="true">¥</span>
                <input
                  name="amount"
                  value={amountInput}
                  onChange={(e) => onAmount(e.target.value)}
                  inputMode="decimal"
                  autoComplete="off"
                  enterKeyHint="done"
                  maxLength={16}
                  placeholder="0.00"
                  className="terminal-input terminal-input-amount"
                  data-testid="terminal-amount"
                  aria-invalid={amountError ? true : undefined}
                />
                <button type="button" className="btn btn-ghost btn-small" onClick={() => onAmount(fenToYuanInput(voucher.balance))}>
                  {t("terminal.amountAll")}
                </button>
              </div>
              {amountError ? (
                <span className="field-error" role="alert" data-testid="terminal-amount-error">
                  {amountError}
                </span>
              ) : null}
            </label>
          ) : null}
          <button type="submit" className="btn btn-primary btn-block btn-lg" disabled={disabled} data-testid="terminal-redeem">
            {busy
              ? t("terminal.redeeming")
              : `${t("terminal.redeem")}${parsed?.ok ? ` ${formatFen(parsed.fen)}` : ""}`}
          </button>
        </form>
      ) : null}
    </section>
  )
}
