/**
 * One script, one case, one width for everything the search compares: documents and queries are
 * both folded to simplified Chinese (OpenCC's character table), NFKC (full-width → half-width),
 * lower case. Folding is per code point and never changes how many code points a text has, so an
 * offset in the folded text is the same offset in the original (highlighting relies on it).
 */
// opencc-js ships CommonJS for require() but ESM-only type declarations, hence the plain require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require("opencc-js/t2cn")

// Applied to one character at a time (no phrase rewriting, which could change lengths).
const toSimplified: (s: string) => string = OpenCC.Converter({ from: "t", to: "cn" })

const folded = new Map<string, string>()

export function foldChar(ch: string): string {
  const known = folded.get(ch)
  if (known !== undefined) return known
  let out = ch.normalize("NFKC").toLowerCase()
  if ([...out].length !== 1) out = ch.toLowerCase()
  if ([...out].length !== 1) out = ch
  const simp = toSimplified(out)
  if ([...simp].length === 1) out = simp
  if (folded.size < 50_000) folded.set(ch, out)
  return out
}

/** Folds a text code point by code point; the result has exactly as many code points. */
export function normalizeText(text: string | null | undefined): string {
  if (!text) return ""
  let out = ""
  for (const ch of text) out += foldChar(ch)
  return out
}

/** A query as the index compares it: folded, whitespace collapsed, trimmed. */
export function normalizeQuery(q: string): string {
  return normalizeText(q).replace(/\s+/g, " ").trim()
}

/** Query terms: whitespace separates terms (all must match); a term's pieces must stay together. */
export function queryTerms(q: string): string[] {
  return normalizeQuery(q).split(" ").filter(Boolean)
}
