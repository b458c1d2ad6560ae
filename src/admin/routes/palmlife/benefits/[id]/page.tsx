import { Container, Heading, Text } from "@medusajs/ui"
import { Link, type UIMatch, useNavigate, useParams } from "react-router-dom"
import { describeValue, describeWeekdays, describeWindow, FUNDERS, periodLabel } from "../../../../lib/benefit-program-form"
import { formatDateTime } from "../../../../lib/format-date"
import { type BenefitProgram, describeError, useBenefitPrograms } from "../../../../lib/rights-api"
import { sdk } from "../../../../lib/sdk"
import { SectionRow } from "../../merchants/components/field"
import { ProgramStatusBadge, useProgramLabels } from "../components/program-labels"
import { ProgramActions } from "../components/program-row-actions"

const BenefitDetailPage = () => {
  const { id = "" } = useParams()
  const navigate = useNavigate()
  // the list carries the use counts, and it is one short list: read the program from it
  const { data, isLoading, isError, error } = useBenefitPrograms()
  const program = data?.benefit_programs.find((p) => p.id === id)
  const labels = useProgramLabels(program ? [program] : [])

  if (isLoading) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      </Container>
    )
  }
  if (isError || !program) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <Heading>Benefit program not found</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {isError ? describeError(error) : "It may have been deleted."}
        </Text>
        <Link to="/palmlife/benefits" className="text-ui-fg-interactive txt-small hover:underline">
          Back to benefit programs
        </Link>
      </Container>
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="benefit-detail">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col">
          <Heading>{program.name}</Heading>
          {program.description && (
            <Text size="small" className="text-ui-fg-subtle">
              {program.description}
            </Text>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          <ProgramStatusBadge program={program} />
          <ProgramActions program={program} onDeleted={() => navigate("/palmlife/benefits", { replace: true })} />
        </div>
      </div>
      <SectionRow
        title="Customer group 會員等級"
        value={
          <Link to={`/customer-groups/${program.customer_group_id}`} className="text-ui-fg-interactive hover:underline">
            {labels.group(program.customer_group_id)}
          </Link>
        }
      />
      <SectionRow title="Applies to 適用範圍" value={labels.scope(program)} />
      <SectionRow title="Benefit 優惠" value={describeValue(program)} />
      <SectionRow title="Quota 次數" value={`${program.quota} per customer per ${periodLabel(program.quota_period)}`} />
      <SectionRow title="Days 適用日" value={describeWeekdays(program.weekdays)} />
      <SectionRow title="Dates 日期" value={describeWindow(program)} />
      <SectionRow title="Funded by 出資方" value={FUNDERS.find((f) => f.value === program.funder)?.label ?? program.funder} />
      <SectionRow title="Uses 已用次數" value={String(program.total_uses ?? 0)} />
      <SectionRow title="Created 建立" value={formatDateTime(program.created_at)} />
    </Container>
  )
}

// The breadcrumb names the program; a failed lookup still renders the page, which says why.
export async function loader({ params }: { params: { id?: string } }) {
  try {
    return await sdk.client.fetch<{ benefit_program: BenefitProgram }>(`/admin/benefit-programs/${params.id}`)
  } catch {
    return null
  }
}

export const handle = {
  breadcrumb: (match: UIMatch<{ benefit_program: BenefitProgram } | null>) => match.data?.benefit_program.name ?? "Benefit program",
}

export default BenefitDetailPage
