import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, type UIMatch, useParams } from "react-router-dom"
import { downloadAdminFile } from "../../../../lib/admin-download"
import { formatDateTime } from "../../../../lib/format-date"
import { describeError } from "../../../../lib/rights-api"
import { sdk } from "../../../../lib/sdk"
import { formatYuan } from "../../../../lib/settlement-money"
import { LINES_PAGE_SIZE, type Settlement, type SettlementLineKind, useSettlement } from "../../../../lib/settlements-api"
import { SectionRow } from "../../merchants/components/field"
import { SettlementActions } from "../components/settlement-actions"
import { SettlementStatusBadge } from "../components/settlement-status"

const KIND: Record<SettlementLineKind, { label: string; color: "green" | "red" | "purple" | "blue" }> = {
  redemption: { label: "Redemption 核銷", color: "green" },
  reversal: { label: "Reversal 撤銷", color: "red" },
  breakage: { label: "Breakage 過期", color: "purple" },
  delivery: { label: "Delivery 發貨", color: "blue" },
}

const who = (by: string | null, at: string | null) => (at ? `${formatDateTime(at)}${by ? ` · ${by}` : ""}` : "–")

const SettlementDetailPage = () => {
  const { id = "" } = useParams()
  // keyset pages: the cursor of every page seen so far, so Previous goes back exactly
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const after = cursors[cursors.length - 1]
  const { data, isLoading, isError, error, isFetching } = useSettlement(id, after)
  const [downloading, setDownloading] = useState(false)

  if (isLoading && !data) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      </Container>
    )
  }
  if (isError || !data) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <Heading>Settlement batch not found</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {isError ? describeError(error) : "It may not exist."}
        </Text>
        <Link to="/palmlife/settlements" className="text-ui-fg-interactive txt-small hover:underline">
          Back to settlements
        </Link>
      </Container>
    )
  }

  const { settlement: s, lines, next_after } = data
  const pageNo = cursors.length
  const firstRow = (pageNo - 1) * LINES_PAGE_SIZE

  const downloadStatement = async () => {
    setDownloading(true)
    try {
      const name = await downloadAdminFile(`/admin/settlements/${s.id}/statement`, `statement-${s.business_date}-${s.merchant_id}.csv`)
      toast.success(`Downloaded ${name}`)
    } catch (e) {
      toast.error(describeError(e))
    } finally {
      setDownloading(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="settlement-detail" data-settlement-id={s.id} data-status={s.status}>
      <Container className="divide-y p-0">
        <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row md:items-center">
          <div className="flex min-w-0 flex-col">
            <Heading data-testid="settlement-title">
              {s.merchant_name ?? s.merchant_id} · {s.business_date}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Settlement batch <code>{s.id}</code>
            </Text>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <SettlementStatusBadge status={s.status} />
            <Button size="small" variant="secondary" onClick={downloadStatement} isLoading={downloading} data-testid="download-statement">
              Statement CSV
            </Button>
            <SettlementActions settlement={s} />
          </div>
        </div>
        <SectionRow
          title="Merchant 商戶"
          value={
            <Link to={`/palmlife/merchants/${s.merchant_id}`} className="text-ui-fg-interactive hover:underline">
              {s.merchant_name ?? s.merchant_id}
            </Link>
          }
        />
        <SectionRow title="Lines 筆數" value={String(s.line_count)} />
        <SectionRow title="Gross 應結金額" value={formatYuan(s.gross_amount)} />
        <SectionRow title="Commission 佣金" value={formatYuan(-s.commission_amount)} />
        <SectionRow title="Merchant-funded discounts 商戶出資優惠" value={formatYuan(-s.merchant_funded_amount)} />
        <SectionRow title="Net payable 應付淨額" value={<span className="text-ui-fg-base font-medium" data-testid="settlement-net">{formatYuan(s.net_amount)}</span>} />
        <SectionRow title="Approved 審批" value={who(s.approved_by, s.approved_at)} />
        <SectionRow title="Paid 付款" value={s.paid_at ? `${who(s.paid_by, s.paid_at)}${s.payout_reference ? ` · ref ${s.payout_reference}` : ""}` : "–"} />
        {s.status === "failed" && <SectionRow title="Failed 失敗" value={`${who(null, s.failed_at)} · ${s.failure_reason ?? ""}`} />}
      </Container>

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Lines 明細</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {lines.length ? `${firstRow + 1}–${firstRow + lines.length} of ${s.line_count}` : "No lines"}
            {isFetching ? " · loading…" : ""}
          </Text>
        </div>
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Kind</Table.HeaderCell>
                <Table.HeaderCell>Event day</Table.HeaderCell>
                <Table.HeaderCell>Order / voucher</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Gross</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Commission</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Merchant-funded</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Net</Table.HeaderCell>
                <Table.HeaderCell>Posted</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {lines.map((l) => (
                <Table.Row key={l.id} data-testid="settlement-line">
                  <Table.Cell>
                    <Badge size="2xsmall" color={KIND[l.kind]?.color ?? "grey"} className="whitespace-nowrap">
                      {KIND[l.kind]?.label ?? l.kind}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {l.business_date}
                    {l.business_date !== s.business_date && (
                      <Text size="xsmall" className="text-ui-fg-muted">
                        late, settled here
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col">
                      {l.order_id ? (
                        <Link to={`/orders/${l.order_id}`} className="text-ui-fg-interactive txt-compact-small hover:underline">
                          {l.order_id}
                        </Link>
                      ) : (
                        <span>–</span>
                      )}
                      {l.voucher_id && <code className="text-ui-fg-muted txt-compact-xsmall">{l.voucher_id}</code>}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(l.gross)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(l.commission)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(l.merchant_funded)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(l.net)}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatDateTime(l.created_at)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <div className="flex items-center justify-end gap-x-2 px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            Page {pageNo}
          </Text>
          <Button size="small" variant="secondary" disabled={pageNo === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous
          </Button>
          <Button size="small" variant="secondary" disabled={!next_after} onClick={() => next_after && setCursors((c) => [...c, next_after])} data-testid="settlement-lines-next">
            Next
          </Button>
        </div>
      </Container>
    </div>
  )
}

// The breadcrumb names the merchant and day; a failed lookup still renders the page, which says why.
export async function loader({ params }: { params: { id?: string } }) {
  try {
    return await sdk.client.fetch<{ settlement: Settlement }>(`/admin/settlements/${params.id}`, { query: { limit: 1 } })
  } catch {
    return null
  }
}

export const handle = {
  breadcrumb: (match: UIMatch<{ settlement: Settlement } | null>) =>
    match.data?.settlement ? `${match.data.settlement.merchant_name ?? match.data.settlement.merchant_id} · ${match.data.settlement.business_date}` : "Settlement batch",
}

export default SettlementDetailPage
