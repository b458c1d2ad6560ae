"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { useI18n } from "@/components/i18n-provider"

const ATTEMPTS = 10
const INTERVAL_MS = 1500

/**
 * Vouchers are issued by a subscriber right after the order is placed, so they can lag the
 * confirmation page by a moment: re-render the server page a few times until they appear.
 */
export function IssuingNotice() {
  const { t } = useI18n()
  const router = useRouter()
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (attempt >= ATTEMPTS) return
    const timer = setTimeout(() => {
      router.refresh()
      setAttempt((n) => n + 1)
    }, INTERVAL_MS)
    return () => clearTimeout(timer)
  }, [attempt, router])

  const gaveUp = attempt >= ATTEMPTS
  return (
    <div className={`notice-issuing${gaveUp ? " is-slow" : ""}`} role="status" data-testid="wallet-issuing">
      {gaveUp ? null : <span className="spinner" aria-hidden="true" />}
      <span>{gaveUp ? t("wallet.issuingSlow") : t("wallet.issuing")}</span>
      {gaveUp ? (
        <button type="button" className="link-button" onClick={() => setAttempt(0)}>
          {t("wallet.refresh")}
        </button>
      ) : null}
    </div>
  )
}
