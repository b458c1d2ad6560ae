/**
 * Character bigrams with their positions, as a Postgres tsvector literal. This is the substring
 * index: a query of n ≥ 2 characters matches exactly where its n−1 bigrams sit at consecutive
 * positions (`b1 <-> b2 <-> …`), one character where some bigram starts with it (`c:*`).
 *
 * pg_trgm would be the usual tool, but the databases here are initialised with the C locale, under
 * which pg_trgm sees no word characters in Han text (`show_trgm('金龙酒家')` is empty), so it
 * cannot serve Chinese substrings; this positional bigram index in a GIN-indexed tsvector can.
 */
const MAX_POSITION = 16383 // tsvector positions stop there

function lexeme(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`
}

/** Bigrams over the folded text (separators kept, so a query with a space still matches). */
export function bigramVector(text: string): string {
  const chars = [...text]
  const byGram = new Map<string, number[]>()
  const last = Math.min(chars.length, MAX_POSITION)
  for (let i = 0; i < last; i++) {
    const gram = i + 1 < chars.length ? chars[i] + chars[i + 1] : chars[i] + "\u0001"
    if (!gram.trim()) continue
    const list = byGram.get(gram)
    if (list) list.push(i + 1)
    else byGram.set(gram, [i + 1])
  }
  return [...byGram].map(([g, pos]) => `${lexeme(g)}:${pos.slice(0, 256).join(",")}`).join(" ")
}

/** The tsquery that finds a (folded) term as a substring in a bigramVector; null if it can't. */
export function bigramQuery(term: string): string | null {
  const chars = [...term]
  if (!chars.length) return null
  if (chars.length === 1) return `${lexeme(chars[0])}:*`
  const grams: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) grams.push(lexeme(chars[i] + chars[i + 1]))
  return grams.join(" <-> ")
}

/** `%term%` for LIKE with the pattern characters escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * What the bigram index can answer for a (folded) term: one character → any bigram starting with it
 * (exact), two → that bigram (exact), more → all of its bigrams (a candidate set, confirmed by LIKE).
 */
export function bigramFilter(term: string): { tsquery: string; exact: boolean } | null {
  const chars = [...term]
  if (!chars.length) return null
  if (chars.length === 1) return { tsquery: `${lexeme(chars[0])}:*`, exact: true }
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(lexeme(chars[i] + chars[i + 1]))
  return { tsquery: [...grams].join(" & "), exact: chars.length === 2 }
}
