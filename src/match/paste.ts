/**
 * Reading a paste: split into lines, normalize each, weigh how much each looks like an error,
 * analyze into index-form terms. Bounded: very long pastes and lines are cut, so the cost of a
 * match does not grow without limit.
 */
import { analyzeText } from '../analysis/terms.js'
import { W3cReader } from './logformats.js'
import { normalizeLine } from './normalize.js'
import { errorLikeness, extractCodes, mayBeError } from './signals.js'

export const MAX_LINES = 4000
export const MAX_LINE_CHARS = 2000
/**
 * A paste of more lines than this is triaged like an engineer skims a log: only the lines that
 * could be the error (an error word or level, a code) and the lines around them are read in full.
 * When no line could be, every line is read.
 */
export const TRIAGE_LINES = 150
/** Lines read around each line kept by the triage: wrapped messages, stack frames. */
const TRIAGE_CONTEXT = 2

/** One pasted line, read. */
export interface PasteLine {
  raw: string
  normalized: string
  /** 0..1: how much the line looks like the error itself rather than chatter. */
  errorLike: number
  /** Index-form terms in order (with identifier parts), for phrase matching. */
  terms: string[]
  termSet: Set<string>
}

/** A paste, read. */
export interface Paste {
  lines: PasteLine[]
  codes: string[]
  /** For each code, how error-like the most error-like line naming it is (0..1). */
  codeLines: Map<string, number>
  /** Lines of a long paste left unread by the triage (nothing in them looked like an error). */
  skippedLines: number
}

/** Read a paste into lines, codes and terms. */
export function readPaste(text: string): Paste {
  // Splitting on a plain "\n" is several times faster than the regular expression; most pastes have no "\r".
  const split = text.includes('\r') ? text.split(/\r\n|\r|\n/, MAX_LINES) : text.split('\n', MAX_LINES)
  const rawLines = split.map((full) => (full.length > MAX_LINE_CHARS ? full.slice(0, MAX_LINE_CHARS) : full))
  const w3c = new W3cReader()
  // W3C columns are spelled out first: a status in column 12 is what makes an IIS log line an error.
  const explained = rawLines.map((raw) => w3c.explain(raw))
  const read = triage(rawLines, explained)
  const lines: PasteLine[] = []
  const codes = new Map<string, number>()
  rawLines.forEach((raw, i) => {
    if (!read[i]) return
    if (/^\s*#(?:Fields|Software|Version|Date|Remark):/.test(raw)) return // log headers say nothing of the problem
    const normalized = `${normalizeLine(raw)}${explained[i] ? ` ${explained[i]}` : ''}`.trim()
    if (normalized === '') return
    const terms = analyzeText(normalized)
    if (terms.length === 0) return
    const lineCodes = extractCodes(normalized)
    const errorLike = errorLikeness(raw, lineCodes)
    for (const c of lineCodes) codes.set(c, Math.max(codes.get(c) ?? 0, errorLike))
    lines.push({ raw: raw.trim(), normalized, errorLike, terms, termSet: new Set(terms) })
  })
  return { lines, codes: [...codes.keys()], codeLines: codes, skippedLines: read.filter((r, i) => !r && NOT_BLANK.test(rawLines[i]!)).length }
}

const NOT_BLANK = /\S/

/** Which lines to read in full: all of a short paste; of a long one, the error-like lines and their neighbours. */
function triage(rawLines: readonly string[], explained: readonly string[]): boolean[] {
  const all = rawLines.map(() => true)
  if (rawLines.length <= TRIAGE_LINES) return all
  const read = rawLines.map(() => false)
  let kept = 0
  rawLines.forEach((raw, i) => {
    if (!mayBeError(explained[i] ? `${raw} ${explained[i]}` : raw)) return
    kept++
    for (let j = Math.max(0, i - TRIAGE_CONTEXT); j <= Math.min(rawLines.length - 1, i + TRIAGE_CONTEXT); j++) read[j] = true
  })
  return kept === 0 ? all : read
}
