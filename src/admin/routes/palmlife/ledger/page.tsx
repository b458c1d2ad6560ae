import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BookOpen } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { describeError } from "../../../lib/rights-api"
import { formatYuan, yuanNumberToFen } from "../../../lib/settlement-money"
import { useTrialBalance } from "../../../lib/settlements-api"
import { SpanCell } from "../settlements/components/span-cell"

const TYPE_COLOR: Record<string, "blue" | "orange" | "green" | "red" | "purple"> = {
  asset: "blue",
  liability: "orange",
  revenue: "green",
  expense: "red",
  equity: "purple",
}

/** Σ debits and Σ credits per ledger account over the whole journal; every entry balances, so the totals must agree. */
const TrialBalancePage = () => {
  const { data, isLoading, isError, error, dataUpdatedAt } = useTrialBalance()
  // compared in fen: two yuan sums of floats must not decide whether the books balance
  const debitFen = data ? yuanNumberToFen(data.total_debit) : null
  const creditFen = data ? yuanNumberToFen(data.total_credit) : null
  const balanced = debitFen !== null && debitFen === creditFen

  return (
    <Container className="divide-y p-0" data-testid="trial-balance-page">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>Trial balance 試算平衡表</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every account of the double-entry ledger; merchant accounts carry the merchant id after the colon. Amounts in yuan.
            {dataUpdatedAt ? ` As of ${new Date(dataUpdatedAt).toLocaleTimeString()}.` : ""}
          </Text>
        </div>
        <Link to="/palmlife/settlements" className="text-ui-fg-interactive txt-compact-small-plus hover:underline">
          Settlements 結算
        </Link>
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : isError || !data ? (
        <Text className="text-ui-fg-error px-6 py-4">Could not load the trial balance: {describeError(error)}</Text>
      ) : (
        <>
          <div className="flex items-center gap-x-3 px-6 py-4" data-testid="trial-balance-verdict" data-balanced={balanced ? "true" : "false"}>
            {balanced ? (
              <Badge color="green">OK · balanced 借貸平衡</Badge>
            ) : (
              <Badge color="red">NOT BALANCED 借貸不平</Badge>
            )}
            <Text size="small" className="text-ui-fg-subtle">
              Total debit {formatYuan(data.total_debit)} {balanced ? "=" : "≠"} total credit {formatYuan(data.total_credit)}
              {!balanced && debitFen !== null && creditFen !== null ? ` (difference ${formatYuan((debitFen - creditFen) / 100)})` : ""}
            </Text>
          </div>
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Account 科目</Table.HeaderCell>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Type</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Debit 借方</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Credit 貸方</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Balance 餘額</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.accounts.length === 0 && (
                  <Table.Row>
                    <SpanCell span={6}>
                      <Text size="small" className="text-ui-fg-subtle">
                        Nothing posted yet.
                      </Text>
                    </SpanCell>
                  </Table.Row>
                )}
                {data.accounts.map((a) => (
                  <Table.Row key={a.code} data-testid="trial-balance-account" data-code={a.code}>
                    <Table.Cell>
                      <code className="txt-compact-small">{a.code}</code>
                    </Table.Cell>
                    <Table.Cell>{a.name ?? "–"}</Table.Cell>
                    <Table.Cell>
                      {a.type ? (
                        <Badge size="2xsmall" color={TYPE_COLOR[a.type] ?? "grey"}>
                          {a.type}
                        </Badge>
                      ) : (
                        "–"
                      )}
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(a.debit)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(a.credit)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right tabular-nums">{formatYuan(a.balance)}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row className="bg-ui-bg-subtle" data-testid="trial-balance-totals">
                  <SpanCell span={3}>
                    <Text size="small" weight="plus">
                      Total 合計
                    </Text>
                  </SpanCell>
                  <Table.Cell className="whitespace-nowrap text-right font-medium tabular-nums" data-testid="trial-balance-total-debit">
                    {formatYuan(data.total_debit)}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right font-medium tabular-nums" data-testid="trial-balance-total-credit">
                    {formatYuan(data.total_credit)}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right font-medium tabular-nums">
                    {debitFen !== null && creditFen !== null ? formatYuan((debitFen - creditFen) / 100) : "–"}
                  </Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Ledger 總賬",
  icon: BookOpen,
})

export const handle = {
  breadcrumb: () => "Trial balance 試算表",
}

export default TrialBalancePage
