import { normalizeText, queryTerms } from "./normalize"

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c])

/**
 * Marks every occurrence of the query's terms in a text, compared folded (so 金龙 marks 金龍), and
 * returns HTML-escaped text with `<mark>…</mark>` around the matches; null when nothing matched.
 */
export function highlight(text: string | null | undefined, q: string): string | null {
  if (!text) return null
  const chars = [...text]
  const folded = [...normalizeText(text)]
  const marked = new Array<boolean>(chars.length).fill(false)
  const foldedStr = folded.join("")
  let any = false
  for (const term of queryTerms(q)) {
    const termChars = [...term]
    let from = 0
    while (true) {
      const at = foldedStr.indexOf(term, from)
      if (at < 0) break
      // indexOf works in UTF-16 units; convert to code points
      const start = [...foldedStr.slice(0, at)].length
      for (let i = start; i < start + termChars.length && i < marked.length; i++) marked[i] = true
      any = true
      from = at + term.length
    }
  }
  if (!any) return null
  let out = ""
  let open = false
  chars.forEach((ch, i) => {
    if (marked[i] && !open) { out += "<mark>"; open = true }
    if (!marked[i] && open) { out += "</mark>"; open = false }
    out += escapeHtml(ch)
  })
  if (open) out += "</mark>"
  return out
}
