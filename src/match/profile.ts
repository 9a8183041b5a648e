/**
 * What the matcher knows of each article, prepared once when an artifact loads: its codes and
 * its symptoms as term sequences, with quoted placeholders (`<server>`, `%s`, `{0}`, `...`)
 * turned into gaps that any pasted value fills.
 */
import type { KbArticle } from '../indexing/article.js'
import { analyzeText } from './paste.js'
import { extractCodes } from './signals.js'

/** A placeholder in quoted error text: `<machine_name>`, `%s`, `%1`, `{0}`, `...`, `…`, `xxx`. */
export const PLACEHOLDER = /<[^<>\n]{1,40}>|%\d+|%[sdxuS]\b|\{\d+\}|\.{3}|…|\b[Xx]{3,}\b|\bN_(?=[A-Za-z])/g
export const GAP = '\u0000'

/** One symptom, prepared for matching. */
export interface SymptomProfile {
  text: string
  /** Terms in order; GAP marks where a placeholder stood. */
  terms: string[]
  termSet: Set<string>
}

/** One article, prepared for matching. */
export interface ArticleProfile {
  id: string
  codes: Set<string>
  /** Author-listed codes, lowercased, to find verbatim in a paste. */
  literalCodes: string[]
  symptoms: SymptomProfile[]
}

/** Prepare a symptom: placeholders become gaps, the rest becomes index-form terms. */
export function profileSymptom(text: string): SymptomProfile {
  const terms = text
    .split(PLACEHOLDER)
    .flatMap((chunk, i) => (i === 0 ? analyzeText(chunk) : [GAP, ...analyzeText(chunk)]))
  return { text, terms, termSet: new Set(terms.filter((t) => t !== GAP)) }
}

/** Prepare an article for matching. */
export function profileArticle(a: KbArticle): ArticleProfile {
  const codes = new Set<string>()
  for (const t of [...a.errorCodes, ...a.symptoms, a.title]) for (const c of extractCodes(t.replace(PLACEHOLDER, ' '))) codes.add(c)
  return {
    id: a.id,
    codes,
    literalCodes: a.errorCodes.map((c) => c.toLowerCase().replace(/\s+/g, ' ').trim()).filter((c) => c.length >= 4),
    symptoms: a.symptoms.map(profileSymptom),
  }
}
