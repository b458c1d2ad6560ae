import { titleMetadata } from "@/lib/i18n/page-title"
import { AuthPage, type AuthPageProps } from "../auth-page"

export const generateMetadata = titleMetadata("auth.loginTitle")

export default function LoginPage({ searchParams }: AuthPageProps) {
  return <AuthPage mode="login" searchParams={searchParams} />
}
