/**
 * Word segmentation with ICU's dictionary for Chinese (Node ships full ICU):
 * `Intl.Segmenter('zh', { granularity: 'word' })`. Documents and queries go through the same
 * segmenter after normalisation, so the same text yields the same words on both sides.
 */
import { normalizeText } from "./normalize"

const segmenter = new (Intl as any).Segmenter("zh", { granularity: "word" })

/** The word-like segments of an (already normalised) text, in order. */
export function segmentWords(text: string): string[] {
  const words: string[] = []
  for (const s of segmenter.segment(text) as Iterable<{ segment: string; isWordLike?: boolean }>) {
    if (s.isWordLike) words.push(s.segment)
  }
  return words
}

/** Normalised, segmented, space-separated: what the full-text vector is built from. */
export function segmentedField(...texts: (string | null | undefined)[]): string {
  return texts
    .filter((t): t is string => !!t)
    .map((t) => segmentWords(normalizeText(t)).join(" "))
    .filter(Boolean)
    .join(" ")
}
