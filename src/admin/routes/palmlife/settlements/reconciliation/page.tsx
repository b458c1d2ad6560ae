import { Badge, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { isBusinessDay, shanghaiBusinessDay } from "../../../../lib/business-day"
import { formatDateTime } from "../../../../lib/format-date"
import { describeError } from "../../../../lib/rights-api"
import { formatYuan } from "../../../../lib/settlement-money"
import { type ReconciliationMovement, useReconciliation } from "../../../../lib/settlements-api"

const OrderLink = ({ id }: { id: string | null }) =>
  id ? (
    <Link to={`/orders/${id}`} className="text-ui-fg-interactive txt-compact-small hover:underline">
      {id}
    </Link>
  ) : (
    <span>–</span>
  )

const Section = ({ title, help, count, testId, children }: { title: string; help: string; count: number; testId: string; children: ReactNode }) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <div className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {help}
        </Text>
      </div>
      <Badge size="2xsmall" color={count ? "red" : "green"}>
        {count}
      </Badge>
    </div>
    {count === 0 ? (
      <Text size="small" className="text-ui-fg-muted px-6 py-4">
        None.
      </Text>
    ) : (
      <div className="overflow-x-auto">{children}</div>
    )}
  </Container>
)

const MovementTable = ({ rows, side }: { rows: ReconciliationMovement[]; side: "ours" | "theirs" }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Kind</Table.HeaderCell>
        <Table.HeaderCell>Order</Table.HeaderCell>
        <Table.HeaderCell>Payment intent</Table.HeaderCell>
        <Table.HeaderCell>{side === "ours" ? "Capture / refund" : "Balance transaction"}</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
        <Table.HeaderCell>At</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {rows.map((m, i) => (
        <Table.Row key={`${m.payment_intent}-${i}`}>
          <Table.Cell>{m.kind}</Table.Cell>
          <Table.Cell>
            <OrderLink id={m.order_id} />
          </Table.Cell>
          <Table.Cell>
            <code className="txt-compact-xsmall">{m.payment_intent ?? "–"}</code>
          </Table.Cell>
          <Table.Cell>
            <code className="txt-compact-xsmall">{(side === "ours" ? m.capture_id ?? m.refund_id : m.balance_transaction) ?? "–"}</code>
          </Table.Cell>
          <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(m.amount)}</Table.Cell>
          <Table.Cell className="whitespace-nowrap">{formatDateTime(m.created_at)}</Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)

/** A business day's card captures and refunds as Medusa recorded them, against the payment provider's balance transactions. */
const ReconciliationPage = () => {
  const [params, setParams] = useSearchParams()
  const day = params.get("business_date") ?? shanghaiBusinessDay(1)
  const valid = isBusinessDay(day)
  const { data, isLoading, isError, error } = useReconciliation(valid ? day : "")
  const clean = data && data.summary.missing + data.summary.extra + data.summary.differing === 0

  return (
    <div className="flex flex-col gap-y-3" data-testid="reconciliation-page">
      <Container className="divide-y p-0">
        <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row md:items-end">
          <div>
            <Heading>Reconciliation 對賬</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Card captures and refunds we recorded for the day, matched against the payment provider's balance transactions.
            </Text>
          </div>
          <label className="flex flex-col gap-y-1">
            <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
              Business day 營業日
            </Text>
            <Input
              type="date"
              size="small"
              value={day}
              onChange={(e) => e.target.value && setParams({ business_date: e.target.value })}
              data-testid="reconciliation-date"
            />
          </label>
        </div>
        {!valid ? (
          <Text className="text-ui-fg-error px-6 py-4">Pick a business day.</Text>
        ) : isLoading ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            Reconciling {day}…
          </Text>
        ) : isError || !data ? (
          <Text className="text-ui-fg-error px-6 py-4">Could not reconcile: {describeError(error)}</Text>
        ) : (
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2 px-6 py-4" data-testid="reconciliation-summary">
            <Text size="small">
              Provider: <strong>{data.provider ?? "none"}</strong>
            </Text>
            <Text size="small">Matched {data.summary.matched}</Text>
            <Text size="small">Missing {data.summary.missing}</Text>
            <Text size="small">Extra {data.summary.extra}</Text>
            <Text size="small">Differing {data.summary.differing}</Text>
            {data.provider && (
              <Badge color={clean ? "green" : "red"} data-testid="reconciliation-verdict">
                {clean ? "Reconciled 已對平" : "Differences 有差異"}
              </Badge>
            )}
            {data.message && (
              <Text size="small" className="text-ui-fg-subtle w-full">
                {data.message}
              </Text>
            )}
          </div>
        )}
      </Container>

      {data && valid && (
        <>
          <Section title="Missing at the provider 通道缺失" help="We recorded it; the provider has no such movement." count={data.missing.length} testId="reconciliation-missing">
            <MovementTable rows={data.missing} side="ours" />
          </Section>
          <Section title="Extra at the provider 通道多出" help="The provider moved money we have no record of." count={data.extra.length} testId="reconciliation-extra">
            <MovementTable rows={data.extra} side="theirs" />
          </Section>
          <Section title="Differing amounts 金額不符" help="Both sides have it, with different amounts." count={data.differing.length} testId="reconciliation-differing">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Kind</Table.HeaderCell>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <Table.HeaderCell>Payment intent</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Ours</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Provider</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Difference</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.differing.map((d, i) => (
                  <Table.Row key={`${d.payment_intent}-${i}`}>
                    <Table.Cell>{d.kind}</Table.Cell>
                    <Table.Cell>
                      <OrderLink id={d.order_id} />
                    </Table.Cell>
                    <Table.Cell>
                      <code className="txt-compact-xsmall">{d.payment_intent ?? "–"}</code>
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(d.amount)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(d.provider_amount)}</Table.Cell>
                    <Table.Cell className="text-ui-fg-error whitespace-nowrap text-right tabular-nums">{formatYuan(d.difference)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </Section>
        </>
      )}
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Reconciliation 對賬",
}

export default ReconciliationPage
