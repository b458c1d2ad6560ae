import { Badge, Button, Checkbox, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { describeError, usePackage, useTravelMutation, type AdminDeparture } from "../travel-api"

const WEEKDAYS = [
  [1, "Mon 一"], [2, "Tue 二"], [3, "Wed 三"], [4, "Thu 四"], [5, "Fri 五"], [6, "Sat 六"], [7, "Sun 日"],
] as const

/** Bulk-create departures over a date range on chosen weekdays; existing dates are skipped. */
function BulkDepartures({ packageId }: { packageId: string }) {
  const [form, setForm] = useState({ from: "", to: "", capacity: "20", adult: "", child: "", senior: "", single: "0" })
  const [days, setDays] = useState<number[]>([])
  const create = useTravelMutation<any>(() => `/admin/travel/packages/${packageId}/departures`, ["travel-package", "travel-packages"])
  const submit = () =>
    create.mutate(
      {
        from: form.from,
        to: form.to,
        weekdays: days,
        capacity: Number(form.capacity),
        prices: { adult: Number(form.adult), child: Number(form.child), senior: Number(form.senior) },
        single_supplement: Number(form.single || 0),
      },
      {
        onSuccess: (r: { created: string[]; skipped: string[] }) => toast.success(`Created ${r.created.length}, skipped ${r.skipped.length} existing 已建 ${r.created.length} 個團期`),
        onError: (e) => toast.error(describeError(e)),
      }
    )
  const field = (key: keyof typeof form, label: string, type = "number") => (
    <div className="flex flex-col gap-1">
      <Label size="small">{label}</Label>
      <Input size="small" type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  )
  return (
    <Container className="flex flex-col gap-y-3">
      <Heading level="h2">Add departures 批量新增團期</Heading>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        {field("from", "From 開始", "date")}
        {field("to", "To 結束", "date")}
        {field("capacity", "Capacity 名額")}
        {field("single", "Single supplement ¥ 單房差")}
        {field("adult", "Adult ¥ 成人")}
        {field("child", "Child ¥ 兒童")}
        {field("senior", "Senior ¥ 長者")}
      </div>
      <div className="flex flex-wrap gap-3">
        {WEEKDAYS.map(([d, label]) => (
          <label key={d} className="flex items-center gap-1 text-sm">
            <Checkbox checked={days.includes(d)} onCheckedChange={(c) => setDays((prev) => (c ? [...prev, d] : prev.filter((x) => x !== d)))} />
            {label}
          </label>
        ))}
        <Text size="small" className="text-ui-fg-subtle">No weekday ticked = every day 不選即每天</Text>
      </div>
      <div>
        <Button size="small" onClick={submit} isLoading={create.isPending} disabled={!form.from || !form.to || !form.adult || !form.child || !form.senior}>
          Create departures 建立團期
        </Button>
      </div>
    </Container>
  )
}

function DepartureRow({ d }: { d: AdminDeparture }) {
  const [capacity, setCapacity] = useState(String(d.capacity))
  const update = useTravelMutation<any>(() => `/admin/travel/departures/${d.id}`, ["travel-package"])
  const save = (body: Record<string, unknown>) => update.mutate(body, { onSuccess: () => toast.success(`${d.date} saved 已保存`), onError: (e) => toast.error(describeError(e)) })
  return (
    <Table.Row>
      <Table.Cell>{d.date}</Table.Cell>
      <Table.Cell>
        <div className="flex items-center gap-1">
          <Input size="small" type="number" className="w-20" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          {Number(capacity) !== d.capacity ? <Button size="small" variant="secondary" onClick={() => save({ capacity: Number(capacity) })}>Save</Button> : null}
        </div>
      </Table.Cell>
      <Table.Cell>{d.sold}</Table.Cell>
      <Table.Cell>{d.held}</Table.Cell>
      <Table.Cell>{d.remaining}</Table.Cell>
      <Table.Cell>¥{d.prices.adult} / ¥{d.prices.child} / ¥{d.prices.senior}</Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={d.status === "open" ? "green" : "grey"}>{d.status}</Badge>{" "}
        <Button size="small" variant="transparent" onClick={() => save({ status: d.status === "open" ? "closed" : "open" })}>
          {d.status === "open" ? "Close 停售" : "Open 開售"}
        </Button>
      </Table.Cell>
      <Table.Cell>
        <Link to={`/travel/departures/${d.id}`} className="text-ui-fg-interactive">Manifest 名單</Link>
      </Table.Cell>
    </Table.Row>
  )
}

/** One package: its cancellation tiers and every departure with sold, held and places left. */
function TravelPackagePage() {
  const { id } = useParams()
  const data = usePackage(id!)
  const pkg = data.data?.package
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const [showPast, setShowPast] = useState(false)
  const departures = (data.data?.departures ?? []).filter((d) => showPast || d.date >= today)
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-2">
        <Link to="/travel" className="text-ui-fg-subtle text-sm">← Travel packages 旅遊套餐</Link>
        <Heading level="h1">{pkg?.title ?? "…"}</Heading>
        {pkg ? (
          <Text size="small" className="text-ui-fg-subtle">
            {pkg.destination} · {pkg.days}D{pkg.nights}N · {pkg.handle} · cancellation 退改:{" "}
            {pkg.cancellation_tiers.map((t) => `≥${t.min_days}d ${t.percent}%`).join(", ")}
          </Text>
        ) : null}
      </Container>
      <BulkDepartures packageId={id!} />
      <Container className="flex flex-col gap-y-3">
        <div className="flex items-center justify-between">
          <Heading level="h2">Departures 團期 ({departures.length})</Heading>
          <label className="flex items-center gap-1 text-sm">
            <Checkbox checked={showPast} onCheckedChange={(c) => setShowPast(Boolean(c))} /> Show past 顯示已出發
          </label>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Date 日期</Table.HeaderCell>
              <Table.HeaderCell>Capacity 名額</Table.HeaderCell>
              <Table.HeaderCell>Sold 已售</Table.HeaderCell>
              <Table.HeaderCell>Held 預留</Table.HeaderCell>
              <Table.HeaderCell>Left 剩餘</Table.HeaderCell>
              <Table.HeaderCell>Adult / child / senior</Table.HeaderCell>
              <Table.HeaderCell>Status 狀態</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {departures.map((d) => <DepartureRow key={d.id} d={d} />)}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export default TravelPackagePage
