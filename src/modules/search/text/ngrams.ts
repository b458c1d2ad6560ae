/**
 * Character bigrams as a Postgres tsvector (GIN-indexed): the substring index. One character is
 * found exactly by a prefix (`'c':*`: some bigram starts with it), two by their bigram; longer terms
 * need all their bigrams, and a LIKE confirms the order.
 *
 * pg_trgm would be the usual tool, but the databases here are initialised with the C locale, under
 * which pg_trgm sees no word characters in Han text (`show_trgm('金龙酒家')` is empty), so it
 * cannot serve Chinese substrings; this bigram index in a GIN-indexed tsvector can.
 */
const MAX_CHARS = 20_000

function lexeme(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`
}

/**
 * The set of character bigrams of the folded text (separators kept, so a query with a space still
 * matches), plus the character that ends the text, as a tsvector literal without positions.
 */
export function bigramVector(text: string): string {
  const chars = [...text].slice(0, MAX_CHARS)
  const grams = new Set<string>()
  for (let i = 0; i < chars.length; i++) {
    const gram = i + 1 < chars.length ? chars[i] + chars[i + 1] : chars[i] + "\u0001"
    if (gram.trim()) grams.add(gram)
  }
  return [...grams].map(lexeme).join(" ")
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
