import Link from "next/link"
import type { ReactNode } from "react"

export function EmptyState({
  title,
  body,
  action,
  testId,
}: {
  title: string
  body?: ReactNode
  action?: { href: string; label: string }
  testId?: string
}) {
  return (
    <div className="state-box" data-testid={testId ?? "empty-state"}>
      <div className="state-emoji" aria-hidden="true">◎</div>
      <h2 className="state-title">{title}</h2>
      {body ? <p className="state-body">{body}</p> : null}
      {action ? (
        <Link href={action.href} className="btn btn-primary">
          {action.label}
        </Link>
      ) : null}
    </div>
  )
}

export function ErrorState({
  title,
  body,
  detail,
  action,
}: {
  title: string
  body: string
  detail?: string
  action?: { href: string; label: string }
}) {
  return (
    <div className="state-box state-error" role="alert" data-testid="error-state">
      <div className="state-emoji" aria-hidden="true">!</div>
      <h2 className="state-title">{title}</h2>
      <p className="state-body">{body}</p>
      {detail ? <p className="state-detail">{detail}</p> : null}
      {action ? (
        <Link href={action.href} className="btn btn-outline">
          {action.label}
        </Link>
      ) : null}
    </div>
  )
}
