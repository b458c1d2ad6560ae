import { redirect } from "next/navigation"
import { retrieveCustomer } from "@/lib/medusa/customer"
import { isSameSitePath } from "@/lib/same-site-path"
import { AuthForm } from "./auth-form"

export type AuthPageProps = { searchParams: Promise<{ next?: string | string[] }> }

function nextFromQuery(value: string | string[] | undefined): string | undefined {
  const next = Array.isArray(value) ? value[0] : value
  return next && isSameSitePath(next) ? next : undefined
}

/** A visitor who is already signed in has nothing to do on login or register, so they go straight on to `next`. */
export async function AuthPage({ mode, searchParams }: AuthPageProps & { mode: "login" | "register" }) {
  const next = nextFromQuery((await searchParams).next)
  let customer
  try {
    customer = await retrieveCustomer()
  } catch {
    customer = undefined
  }
  if (customer) redirect(next ?? "/account")
  return (
    <div className="auth-page">
      <AuthForm mode={mode} next={next} />
    </div>
  )
}
