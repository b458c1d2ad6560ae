import { EmptyState } from "@/components/states"
import { getI18n } from "@/lib/i18n/server"

export default async function NotFound() {
  const { t } = await getI18n()
  return (
    <EmptyState
      testId="not-found"
      title={t("common.notFoundTitle")}
      body={t("common.notFoundBody")}
      action={{ href: "/", label: t("common.backHome") }}
    />
  )
}
