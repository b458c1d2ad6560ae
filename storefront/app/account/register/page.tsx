import { titleMetadata } from "@/lib/i18n/page-title"
import { AuthPage, type AuthPageProps } from "../auth-page"

export const generateMetadata = titleMetadata("auth.registerTitle")

export default function RegisterPage({ searchParams }: AuthPageProps) {
  return <AuthPage mode="register" searchParams={searchParams} />
}
