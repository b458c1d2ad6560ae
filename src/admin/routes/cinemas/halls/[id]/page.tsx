import { Badge, Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useParams } from "react-router-dom"
import { describeError, type EditorSeat, type SeatType, useCinemaMutation, useHall } from "../../cinema-api"

type Cell = { type: SeatType; disabled: boolean } | null
const TOOLS = ["standard", "vip", "couple", "disabled", "aisle"] as const
type Tool = (typeof TOOLS)[number]
const COLORS: Record<string, string> = { standard: "#e5e7eb", vip: "#fcd34d", couple: "#f9a8d4", disabled: "#9ca3af" }

/** Grid cells → seats: rows lettered from the screen, numbers counted from the left, couple cells paired left to right. */
function toSeats(grid: Cell[][]): { seats: EditorSeat[]; error: string | null } {
  const seats: EditorSeat[] = []
  let error: string | null = null
  grid.forEach((row, y) => {
    const label = String.fromCharCode(65 + y)
    let n = 0
    let open: EditorSeat | null = null
    row.forEach((cell, x) => {
      if (!cell) {
        if (open) error = `Row ${label}: a couple seat has no partner`
        open = null
        return
      }
      n++
      const seat: EditorSeat = { row_label: label, number: n, type: cell.type, pair_id: null, x, y, disabled: cell.disabled }
      if (cell.type === "couple") {
        if (open) {
          seat.pair_id = open.pair_id
          open = null
        } else {
          seat.pair_id = `${label}${n}`
          open = seat
        }
      } else if (open) {
        error = `Row ${label}: a couple seat has no partner`
        open = null
      }
      seats.push(seat)
    })
    if (open) error = `Row ${label}: a couple seat has no partner`
  })
  return { seats, error }
}

const HallEditorPage = () => {
  const { id } = useParams()
  const hall = useHall(id!)
  const [grid, setGrid] = useState<Cell[][]>([])
  const [tool, setTool] = useState<Tool>("standard")
  const [size, setSize] = useState({ rows: 10, cols: 16 })
  const save = useCinemaMutation<any>(() => `/admin/halls/${id}/seats`, "POST", ["hall"])

  useEffect(() => {
    const h = hall.data?.hall
    if (!h) return
    const rows = Math.max(h.grid_rows, 1)
    const cols = Math.max(h.grid_cols, 1)
    const g: Cell[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null))
    for (const s of h.seats) if (g[s.y] && s.x < cols) g[s.y][s.x] = { type: s.type, disabled: s.disabled }
    setGrid(g)
    setSize({ rows, cols })
  }, [hall.data])

  const resize = (rows: number, cols: number) => {
    setSize({ rows, cols })
    setGrid((prev) => Array.from({ length: rows }, (_, y) => Array.from({ length: cols }, (_, x) => prev[y]?.[x] ?? { type: "standard" as SeatType, disabled: false })))
  }
  const paint = (y: number, x: number) =>
    setGrid((prev) =>
      prev.map((row, ry) =>
        ry !== y ? row : row.map((c, rx) => (rx !== x ? c : tool === "aisle" ? null : tool === "disabled" ? { type: c?.type ?? "standard", disabled: !c?.disabled } : { type: tool, disabled: false }))
      )
    )
  const { seats, error } = useMemo(() => toSeats(grid), [grid])

  const submit = () =>
    save.mutate({ rows: size.rows, cols: size.cols, seats }, { onSuccess: (r) => toast.success(`Saved ${r.seats} seats 已儲存`), onError: (e) => toast.error(describeError(e)) })

  return (
    <Container className="flex flex-col gap-y-4">
      <div>
        <Heading>{hall.data?.hall.name ?? "Hall"} · seat map 座位圖</Heading>
        <Text size="small" className="text-ui-fg-subtle">Pick a tool, then click cells. Empty cells are aisles. Two adjacent couple cells form a pair.</Text>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div><Label>Rows 排</Label><Input type="number" min={1} max={60} value={size.rows} onChange={(e) => resize(Number(e.target.value) || 1, size.cols)} /></div>
        <div><Label>Columns 列</Label><Input type="number" min={1} max={80} value={size.cols} onChange={(e) => resize(size.rows, Number(e.target.value) || 1)} /></div>
        <div className="flex gap-1">
          {TOOLS.map((t) => (
            <Button key={t} size="small" variant={tool === t ? "primary" : "secondary"} onClick={() => setTool(t)}>{t}</Button>
          ))}
        </div>
      </div>
      <div className="overflow-auto">
        <div style={{ display: "grid", gridTemplateColumns: `repeat(${size.cols}, 22px)`, gap: 3 }}>
          {grid.flatMap((row, y) =>
            row.map((c, x) => (
              <button
                key={`${y}-${x}`}
                type="button"
                aria-label={`row ${y + 1} column ${x + 1}`}
                onClick={() => paint(y, x)}
                style={{ width: 22, height: 22, borderRadius: 4, border: "1px solid #d1d5db", background: c ? (c.disabled ? COLORS.disabled : COLORS[c.type]) : "transparent" }}
              />
            ))
          )}
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Badge>{seats.length} seats 座</Badge>
        {error ? <Text size="small" className="text-ui-fg-error">{error}</Text> : null}
        <Button onClick={submit} isLoading={save.isPending} disabled={Boolean(error)}>Save seat map 儲存</Button>
      </div>
    </Container>
  )
}

export default HallEditorPage
