"use client"

import Link from "next/link"
import { useEffect } from "react"
import { useI18n } from "@/components/i18n-provider"

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n()
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="state-box state-error" role="alert" data-testid="error-state">
      <div className="state-emoji" aria-hidden="true">!</div>
      <h2 className="state-title">{t("common.errorTitle")}</h2>
      <p className="state-body">{t("common.errorBody")}</p>
      <div className="state-actions">
        <button type="button" className="btn btn-primary" onClick={() => reset()}>
          {t("common.retry")}
        </button>
        <Link href="/" className="btn btn-outline">
          {t("common.backHome")}
        </Link>
      </div>
    </div>
  )
}
