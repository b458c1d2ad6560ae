import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MediaPlay } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { describeError, useCinemaMutation, useCinemas, useFilms, useShowtimes } from "./cinema-api"

const fmt = (iso: string) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(iso))

/** Shanghai wall-clock "YYYY-MM-DDTHH:mm" → ISO instant. */
const shanghaiToIso = (local: string) => new Date(`${local}:00+08:00`).toISOString()

function FilmsSection() {
  const films = useFilms()
  const [form, setForm] = useState({ title: "", duration: "120", rating: "", genres: "", languages: "" })
  const create = useCinemaMutation<any>(() => "/admin/films", "POST", ["films"])
  const submit = () =>
    create.mutate(
      {
        title: form.title,
        duration_minutes: Number(form.duration),
        rating: form.rating || null,
        genres: form.genres.split(",").map((s) => s.trim()).filter(Boolean),
        languages: form.languages.split(",").map((s) => s.trim()).filter(Boolean),
      },
      { onSuccess: () => (toast.success("Film added 已新增影片"), setForm({ title: "", duration: "120", rating: "", genres: "", languages: "" })), onError: (e) => toast.error(describeError(e)) }
    )
  return (
    <Container className="flex flex-col gap-y-3">
      <Heading level="h2">Films 影片</Heading>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Title 片名</Table.HeaderCell>
            <Table.HeaderCell>Minutes 片長</Table.HeaderCell>
            <Table.HeaderCell>Rating 分級</Table.HeaderCell>
            <Table.HeaderCell>Genres 類型</Table.HeaderCell>
            <Table.HeaderCell>Status 狀態</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(films.data?.films ?? []).map((f) => (
            <Table.Row key={f.id}>
              <Table.Cell>{f.title}</Table.Cell>
              <Table.Cell>{f.duration_minutes}</Table.Cell>
              <Table.Cell>{f.rating ?? "—"}</Table.Cell>
              <Table.Cell>{f.genres.join(", ")}</Table.Cell>
              <Table.Cell><Badge size="2xsmall">{f.status}</Badge></Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-5">
        <Input placeholder="Title 片名" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <Input placeholder="Minutes 片長" type="number" value={form.duration} onChange={(e) => setForm({ ...form, duration: e.target.value })} />
        <Input placeholder="Rating 分級" value={form.rating} onChange={(e) => setForm({ ...form, rating: e.target.value })} />
        <Input placeholder="Genres, comma separated" value={form.genres} onChange={(e) => setForm({ ...form, genres: e.target.value })} />
        <Input placeholder="Languages, comma separated" value={form.languages} onChange={(e) => setForm({ ...form, languages: e.target.value })} />
      </div>
      <div>
        <Button size="small" onClick={submit} isLoading={create.isPending} disabled={!form.title}>Add film 新增影片</Button>
      </div>
    </Container>
  )
}

function ScheduleSection() {
  const cinemas = useCinemas()
  const films = useFilms()
  const halls = (cinemas.data?.cinemas ?? []).flatMap((c) => c.halls.map((h) => ({ ...h, cinema: c.name })))
  const [hallId, setHallId] = useState<string>()
  const showtimes = useShowtimes(hallId)
  const [form, setForm] = useState({ film_id: "", starts_at: "", format: "2D", language: "國語", standard: "45", vip: "65", couple: "55" })
  const schedule = useCinemaMutation<any>(() => "/admin/showtimes", "POST", ["showtimes"])
  const cancel = useCinemaMutation<{ id: string }>((i) => `/admin/showtimes/${i.id}`, "DELETE", ["showtimes"])
  const submit = () =>
    schedule.mutate(
      {
        film_id: form.film_id,
        hall_id: hallId,
        starts_at: shanghaiToIso(form.starts_at),
        format: form.format,
        language: form.language,
        prices: { standard: Number(form.standard), vip: Number(form.vip), couple: Number(form.couple) },
      },
      { onSuccess: () => toast.success("Scheduled 已排片"), onError: (e) => toast.error(describeError(e)) }
    )
  return (
    <Container className="flex flex-col gap-y-3">
      <Heading level="h2">Showtimes 排片</Heading>
      <Text size="small" className="text-ui-fg-subtle">Times are Asia/Shanghai. A showtime may not overlap another in the hall, including the hall's cleaning gap.</Text>
      <div className="max-w-sm">
        <Label>Hall 影廳</Label>
        <Select value={hallId} onValueChange={setHallId}>
          <Select.Trigger><Select.Value placeholder="Choose a hall" /></Select.Trigger>
          <Select.Content>
            {halls.map((h) => <Select.Item key={h.id} value={h.id}>{h.cinema} · {h.name}</Select.Item>)}
          </Select.Content>
        </Select>
      </div>
      {hallId ? (
        <>
          <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
            <Select value={form.film_id} onValueChange={(v) => setForm({ ...form, film_id: v })}>
              <Select.Trigger><Select.Value placeholder="Film 影片" /></Select.Trigger>
              <Select.Content>{(films.data?.films ?? []).map((f) => <Select.Item key={f.id} value={f.id}>{f.title} ({f.duration_minutes}′)</Select.Item>)}</Select.Content>
            </Select>
            <Input type="datetime-local" value={form.starts_at} onChange={(e) => setForm({ ...form, starts_at: e.target.value })} />
            <Select value={form.format} onValueChange={(v) => setForm({ ...form, format: v })}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>{["2D", "3D", "IMAX"].map((f) => <Select.Item key={f} value={f}>{f}</Select.Item>)}</Select.Content>
            </Select>
            <Input placeholder="Language 語言" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })} />
            <Input type="number" step="0.01" placeholder="Standard ¥" value={form.standard} onChange={(e) => setForm({ ...form, standard: e.target.value })} />
            <Input type="number" step="0.01" placeholder="VIP ¥" value={form.vip} onChange={(e) => setForm({ ...form, vip: e.target.value })} />
            <Input type="number" step="0.01" placeholder="Couple ¥ per seat" value={form.couple} onChange={(e) => setForm({ ...form, couple: e.target.value })} />
            <Button size="small" onClick={submit} isLoading={schedule.isPending} disabled={!form.film_id || !form.starts_at}>Schedule 排片</Button>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Start 開場</Table.HeaderCell>
                <Table.HeaderCell>End 散場</Table.HeaderCell>
                <Table.HeaderCell>Film 影片</Table.HeaderCell>
                <Table.HeaderCell>Format</Table.HeaderCell>
                <Table.HeaderCell>Prices ¥</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(showtimes.data?.showtimes ?? []).map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>{fmt(s.starts_at)}</Table.Cell>
                  <Table.Cell>{fmt(s.ends_at)}</Table.Cell>
                  <Table.Cell>{s.film.title}</Table.Cell>
                  <Table.Cell>{s.format} · {s.language}</Table.Cell>
                  <Table.Cell>{s.prices.standard} / {s.prices.vip} / {s.prices.couple}</Table.Cell>
                  <Table.Cell>
                    <Button size="small" variant="transparent" onClick={() => cancel.mutate({ id: s.id }, { onError: (e) => toast.error(describeError(e)) })}>Cancel 取消</Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      ) : null}
    </Container>
  )
}

const CinemasPage = () => {
  const cinemas = useCinemas()
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-3">
        <Heading>Cinemas 影院</Heading>
        {(cinemas.data?.cinemas ?? []).map((c) => (
          <div key={c.id} className="flex flex-col gap-y-1">
            <Text weight="plus">{c.name}</Text>
            <Text size="small" className="text-ui-fg-subtle">{c.city} · {c.address}</Text>
            <div className="flex flex-wrap gap-2">
              {c.halls.map((h) => (
                <Link key={h.id} to={`/cinemas/halls/${h.id}`}>
                  <Badge size="small">{h.name} · seat map 座位圖</Badge>
                </Link>
              ))}
            </div>
          </div>
        ))}
      </Container>
      <ScheduleSection />
      <FilmsSection />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Cinemas 影院", icon: MediaPlay })

export default CinemasPage
