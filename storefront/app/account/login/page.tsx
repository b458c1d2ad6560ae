import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getI18n } from "@/lib/i18n/server"
import { retrieveCustomer } from "@/lib/medusa/customer"
import { AuthForm } from "../auth-form"

type Props = { searchParams: Promise<{ next?: string | string[] }> }

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n()
  return { title: t("auth.loginTitle") }
}

function safeNext(value: string | string[] | undefined): string | undefined {
  const next = Array.isArray(value) ? value[0] : value
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : undefined
}

export default async function LoginPage({ searchParams }: Props) {
  const next = safeNext((await searchParams).next)
  let customer
  try {
    customer = await retrieveCustomer()
  } catch {
    customer = undefined
  }
  if (customer) redirect(next ?? "/account")
  return (
    <div className="auth-page">
      <AuthForm mode="login" next={next} />
    </div>
  )
}
