/** Medusa Search Module filters → a Meilisearch filter expression. */
type Filters = Record<string, any>

const OPS: Record<string, string> = { $eq: "=", $ne: "!=", $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" }

export function literal(v: unknown): string {
  if (typeof v === "number" || typeof v === "boolean") return String(v)
  if (v instanceof Date) return String(v.getTime())
  return JSON.stringify(String(v))
}

function attr(path: string): string {
  if (!/^[A-Za-z0-9_.]+$/.test(path)) throw new Error(`unsupported filter field ${path}`)
  return path
}

function fieldExpr(field: string, value: any): string[] {
  const a = attr(field)
  if (value === null) return [`${a} IS NULL`]
  if (Array.isArray(value)) return [`${a} IN [${value.map(literal).join(", ")}]`]
  if (typeof value !== "object" || value instanceof Date) return [`${a} = ${literal(value)}`]
  const out: string[] = []
  for (const [op, v] of Object.entries(value)) {
    if (OPS[op]) out.push(`${a} ${OPS[op]} ${literal(v)}`)
    else if (op === "$in") out.push(`${a} IN [${(v as unknown[]).map(literal).join(", ")}]`)
    else if (op === "$nin") out.push(`${a} NOT IN [${(v as unknown[]).map(literal).join(", ")}]`)
    else if (op === "$exists") out.push(v ? `${a} EXISTS` : `${a} NOT EXISTS`)
    else if (op === "$contains" || op === "$overlaps") {
      const list = Array.isArray(v) ? v : [v]
      out.push(op === "$contains" ? list.map((x) => `${a} = ${literal(x)}`).join(" AND ") : `${a} IN [${list.map(literal).join(", ")}]`)
    } else throw new Error(`the meilisearch provider does not support the ${op} filter`)
  }
  return out
}

export function toMeiliFilter(filters: Filters | undefined): string | undefined {
  if (!filters) return undefined
  const parts: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (key === "q" || value === undefined) continue
    if (key === "$and") parts.push(...(value as Filters[]).map(toMeiliFilter).filter((x): x is string => !!x).map((x) => `(${x})`))
    else if (key === "$or") {
      const ors = (value as Filters[]).map(toMeiliFilter).filter((x): x is string => !!x)
      if (ors.length) parts.push(`(${ors.map((x) => `(${x})`).join(" OR ")})`)
    } else if (key === "$not") {
      const inner = toMeiliFilter(value)
      if (inner) parts.push(`NOT (${inner})`)
    } else parts.push(...fieldExpr(key, value))
  }
  return parts.length ? parts.join(" AND ") : undefined
}
