import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { downloadAdminFile } from "../../../../lib/admin-download"
import { describeError, useManifest } from "../../travel-api"

/**
 * Who travels on a departure. Document numbers and phones are masked here and in the CSV: the list
 * is the guide's head count and check-in sheet; full numbers never leave the database encrypted.
 */
function ManifestPage() {
  const { id } = useParams()
  const manifest = useManifest(id!)
  const [downloading, setDownloading] = useState(false)
  const d = manifest.data?.departure
  const download = async () => {
    setDownloading(true)
    try {
      await downloadAdminFile(`/admin/travel/departures/${id}/manifest?format=csv`, `manifest-${d?.date ?? id}.csv`)
    } catch (e) {
      toast.error(describeError(e))
    } finally {
      setDownloading(false)
    }
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-2">
        {manifest.data ? <Link to={`/travel/${manifest.data.package.id}`} className="text-ui-fg-subtle text-sm">← {manifest.data.package.title}</Link> : null}
        <Heading level="h1">Manifest 出行名單 {d?.date ?? ""}</Heading>
        {d ? (
          <Text size="small" className="text-ui-fg-subtle">
            Capacity {d.capacity} · sold 已售 {d.sold} · held 預留 {d.held} · left 剩餘 {d.remaining}
          </Text>
        ) : null}
        <div>
          <Button size="small" variant="secondary" onClick={download} isLoading={downloading}>Download CSV 下載</Button>
        </div>
      </Container>
      <Container>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Status 狀態</Table.HeaderCell>
              <Table.HeaderCell>Name 姓名</Table.HeaderCell>
              <Table.HeaderCell>Type 類型</Table.HeaderCell>
              <Table.HeaderCell>Document 證件</Table.HeaderCell>
              <Table.HeaderCell>Phone 電話</Table.HeaderCell>
              <Table.HeaderCell>Room 房型</Table.HeaderCell>
              <Table.HeaderCell>Order 訂單</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(manifest.data?.travellers ?? []).map((t) => (
              <Table.Row key={t.id}>
                <Table.Cell><Badge size="2xsmall" color={t.status === "booked" ? "green" : "orange"}>{t.status}</Badge></Table.Cell>
                <Table.Cell>{t.name}</Table.Cell>
                <Table.Cell>{t.type}</Table.Cell>
                <Table.Cell className="font-mono">{t.id_type} {t.id_number}</Table.Cell>
                <Table.Cell className="font-mono">{t.phone}</Table.Cell>
                <Table.Cell>{t.single_room ? "single 單人" : "shared"}</Table.Cell>
                <Table.Cell>{t.order_id ? <Link to={`/orders/${t.order_id}`} className="text-ui-fg-interactive">{t.order_id.slice(-8)}</Link> : "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {manifest.data && !manifest.data.travellers.length ? <Text size="small" className="text-ui-fg-subtle">No travellers yet 暫無出行人</Text> : null}
      </Container>
    </div>
  )
}

export default ManifestPage
