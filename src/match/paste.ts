/**
 * Reading a paste: split into lines, normalize each, weigh how much each looks like an error,
 * analyze into index-form terms. Bounded: very long pastes and lines are cut, so the cost of a
 * match does not grow without limit.
 */
import { analyzeToken } from '../analysis/terms.js'
import { splitText } from '../analysis/tokenize.js'
import { W3cReader } from './logformats.js'
import { normalizeLine } from './normalize.js'
import { errorLikeness, extractCodes } from './signals.js'

export const MAX_LINES = 4000
export const MAX_LINE_CHARS = 2000

/** One pasted line, read. */
export interface PasteLine {
  raw: string
  normalized: string
  /** 0..1: how much the line looks like the error itself rather than chatter. */
  errorLike: number
  /** Index-form terms in order (with identifier parts), for phrase matching. */
  terms: string[]
  termSet: Set<string>
  /** Adjacent term pairs, made when first needed. */
  bigrams?: Set<string>
}

/** A paste, read. */
export interface Paste {
  lines: PasteLine[]
  codes: string[]
}

/** Analyze text into ordered index-form terms. */
export function analyzeText(text: string): string[] {
  return splitText(text).flatMap(analyzeToken)
}

/** Read a paste into lines, codes and terms. */
export function readPaste(text: string): Paste {
  const rawLines = text.split(/\r\n|\r|\n/, MAX_LINES)
  const lines: PasteLine[] = []
  const codes = new Set<string>()
  const w3c = new W3cReader()
  for (const full of rawLines) {
    const raw = full.length > MAX_LINE_CHARS ? full.slice(0, MAX_LINE_CHARS) : full
    const explained = w3c.explain(raw)
    if (/^\s*#(?:Fields|Software|Version|Date|Remark):/.test(raw)) continue // log headers say nothing of the problem
    const normalized = `${normalizeLine(raw)}${explained ? ` ${explained}` : ''}`.trim()
    if (normalized === '') continue
    const terms = analyzeText(normalized)
    if (terms.length === 0) continue
    const lineCodes = extractCodes(normalized)
    for (const c of lineCodes) codes.add(c)
    lines.push({ raw: raw.trim(), normalized, errorLike: errorLikeness(raw, lineCodes), terms, termSet: new Set(terms) })
  }
  return { lines, codes: [...codes] }
}
