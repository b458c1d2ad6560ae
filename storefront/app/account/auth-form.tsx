"use client"

import Link from "next/link"
import { useActionState, useState } from "react"
import { useI18n } from "@/components/i18n-provider"
import { login, register, type AuthFormState } from "@/lib/actions/auth"
import type { MessageKey } from "@/lib/i18n/translate"

type Field = "email" | "password" | "first_name" | "last_name"

export function AuthForm({ mode, next }: { mode: "login" | "register"; next?: string }) {
  const { t } = useI18n()
  const [state, action, pending] = useActionState<AuthFormState, FormData>(mode === "login" ? login : register, {})

  const [editedAt, setEditedAt] = useState<Partial<Record<Field, AuthFormState>>>({})

  const field = (name: Field, label: MessageKey, type: string, autoComplete: string, half = false) => {
    const error = editedAt[name] === state ? undefined : state.fieldErrors?.[name]
    const defaultValue = name === "password" ? undefined : state.values?.[name]
    return (
      <label className={`field${half ? " field-half" : ""}${error ? " has-error" : ""}`}>
        <span className="field-label">{t(label)}</span>
        <input
          name={name}
          type={type}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          required
          onInput={() => {
            if (error) setEditedAt((prev) => ({ ...prev, [name]: state }))
          }}
        />
        {error ? (
          <span className="field-error" data-testid={`error-${name}`}>
            {error}
          </span>
        ) : null}
      </label>
    )
  }

  const switchHref = (mode === "login" ? "/account/register" : "/account/login") + (next ? `?next=${encodeURIComponent(next)}` : "")

  return (
    <form action={action} className="card auth-form" noValidate data-testid={`${mode}-form`}>
      <h1 className="page-title">{mode === "login" ? t("auth.loginTitle") : t("auth.registerTitle")}</h1>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.error ? (
        <p className="form-error form-error-block" role="alert" data-testid="auth-error">
          {state.error}
        </p>
      ) : null}
      <div className="field-grid">
        {mode === "register" ? (
          <>
            {field("last_name", "auth.lastName", "text", "family-name", true)}
            {field("first_name", "auth.firstName", "text", "given-name", true)}
          </>
        ) : null}
        {field("email", "auth.email", "email", "email")}
        {field("password", "auth.password", "password", mode === "login" ? "current-password" : "new-password")}
      </div>
      <button
        type="submit"
        className="btn btn-primary btn-block btn-lg"
        disabled={pending}
        data-testid={mode === "login" ? "login-submit" : "register-submit"}
      >
        {pending ? t("auth.submitting") : mode === "login" ? t("auth.loginSubmit") : t("auth.registerSubmit")}
      </button>
      <p className="muted auth-switch">
        {mode === "login" ? t("auth.noAccount") : t("auth.haveAccount")}{" "}
        <Link href={switchHref}>{mode === "login" ? t("auth.goRegister") : t("auth.goLogin")}</Link>
      </p>
    </form>
  )
}
