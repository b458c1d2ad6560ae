import { defineRouteConfig } from "@medusajs/admin-sdk"
import { GlobeEurope } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { usePackages } from "./travel-api"

/** Travel packages: where, how long, how many departures, the next one, places sold. */
function TravelPackagesPage() {
  const packages = usePackages()
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-3">
        <div>
          <Heading level="h1">Travel packages 旅遊套餐</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Open a package to add departures over a date range, change capacity or prices, and see each departure's traveller manifest.
          </Text>
        </div>
        {packages.isError ? <Text className="text-ui-fg-error">{String((packages.error as any)?.message ?? packages.error)}</Text> : null}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Package 套餐</Table.HeaderCell>
              <Table.HeaderCell>Destination 目的地</Table.HeaderCell>
              <Table.HeaderCell>Days 天數</Table.HeaderCell>
              <Table.HeaderCell>Departures 團期</Table.HeaderCell>
              <Table.HeaderCell>Next 下一團</Table.HeaderCell>
              <Table.HeaderCell>Sold 已售</Table.HeaderCell>
              <Table.HeaderCell>Status 狀態</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(packages.data?.packages ?? []).map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Link to={`/travel/${p.id}`} className="text-ui-fg-interactive">{p.title}</Link>
                </Table.Cell>
                <Table.Cell>{p.destination}</Table.Cell>
                <Table.Cell>{p.days}D{p.nights}N</Table.Cell>
                <Table.Cell>{p.departures ?? 0}</Table.Cell>
                <Table.Cell>{p.next_date ?? "—"}</Table.Cell>
                <Table.Cell>{p.sold ?? 0}</Table.Cell>
                <Table.Cell><Badge size="2xsmall" color={p.status === "published" ? "green" : "grey"}>{p.status}</Badge></Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Travel 旅遊", icon: GlobeEurope })

export default TravelPackagesPage
