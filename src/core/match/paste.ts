/**
 * Reading a paste: split into lines, normalize each, weigh how much each looks like an error,
 * analyze into index-form terms. Bounded: very long pastes and lines are cut, so the cost of a
 * match does not grow without limit, every step is linear in a line's length, and reading stops
 * at the match's deadline (the lines read so far are the paste then, flagged `partial`).
 */
import type { Synonyms } from '../analysis/synonyms.js'
import { analyzeText, analyzeToken, isIdentifier, trim } from '../analysis/terms.js'
import { splitText } from '../analysis/tokenize.js'
import { LIMITS } from '../../limits.js'
import { W3cReader } from './logformats.js'
import { normalizeLine } from './normalize.js'
import { MATCH_DEFAULTS, type MatchOptions } from './options.js'
import { errorLikeness, extractCodes, mayBeError } from './signals.js'

export const MAX_LINES = LIMITS.pasteLines
export const MAX_LINE_CHARS = LIMITS.pasteLineChars
/** The options that reading a paste uses (`MatchOptions`: the triage and how error-like a line is). */
export type ReadOptions = Pick<MatchOptions, 'triageLines' | 'triageContext' | 'errorLikeness'>

/** One pasted line, read. */
export interface PasteLine {
  raw: string
  normalized: string
  /** 0..1: how much the line looks like the error itself rather than chatter. */
  errorLike: number
  /** Index-form terms in order (with identifier parts), for phrase matching. */
  terms: string[]
  termSet: Set<string>
  /**
   * Terms the line holds only as parts of an identifier (`acquir` of `CannotAcquireLockException`),
   * each with the identifiers (whole terms) it was split from.
   */
  splitOnly: Map<string, string[]>
}

/** A paste, read. */
export interface Paste {
  lines: PasteLine[]
  codes: string[]
  /** For each code, how error-like the most error-like line naming it is (0..1). */
  codeLines: Map<string, number>
  /** For each code, the most error-like line naming it, raw and trimmed (the first of equals). */
  codeSources: Map<string, string>
  /** Lines of a long paste left unread by the triage (nothing in them looked like an error). */
  skippedLines: number
  /** True when the deadline came before every line was read: the paste is the lines read until then. */
  partial: boolean
}

/** Lines read between two looks at the clock in the cheap passes (a look costs about what a short line does). */
const CLOCK_EVERY = 32

/** Read a paste into lines, codes and terms (with the index's synonyms); lines not read by the deadline (a `performance.now()` time) are left out. */
export function readPaste(text: string, deadline = Number.POSITIVE_INFINITY, options: ReadOptions = MATCH_DEFAULTS, synonyms?: Synonyms): Paste {
  // Splitting on a plain "\n" is several times faster than the regular expression; most pastes have no "\r".
  const split = text.includes('\r') ? text.split(/\r\n|\r|\n/, MAX_LINES) : text.split('\n', MAX_LINES)
  const rawLines = split.map(cutLine)
  const late = (i: number) => i % CLOCK_EVERY === 0 && performance.now() > deadline
  const w3c = new W3cReader()
  // W3C columns are spelled out first: a status in column 12 is what makes an IIS log line an error.
  const explained: string[] = []
  for (let i = 0; i < rawLines.length && !late(i); i++) explained.push(w3c.explain(rawLines[i]!))
  let partial = explained.length < rawLines.length
  rawLines.length = explained.length
  const read = triage(rawLines, explained, late, options)
  if (read.length < rawLines.length) partial = true
  const lines: PasteLine[] = []
  const codes = new Map<string, number>()
  const sources = new Map<string, string>()
  rawLines.forEach((raw, i) => {
    if (!read[i] || partial) return
    if (performance.now() > deadline) {
      partial = true
      return
    }
    if (/^\s*#(?:Fields|Software|Version|Date|Remark):/.test(raw)) return // log headers say nothing of the problem
    const normalized = readLine(raw, explained[i]!)
    if (normalized === '') return
    const terms = analyzeText(normalized, synonyms, 'query')
    if (terms.length === 0) return
    const lineCodes = extractCodes(normalized)
    const errorLike = errorLikeness(raw, lineCodes, options.errorLikeness)
    const trimmed = raw.trim()
    for (const c of lineCodes) {
      const before = codes.get(c)
      if (before !== undefined && before >= errorLike) continue
      codes.set(c, errorLike)
      sources.set(c, trimmed)
    }
    const termSet = new Set(terms)
    lines.push({ raw: trimmed, normalized, errorLike, terms, termSet, splitOnly: splitOnlyTerms(normalized, termSet) })
  })
  return {
    lines,
    codes: [...codes.keys()],
    codeLines: codes,
    codeSources: sources,
    skippedLines: read.filter((r, i) => !r && NOT_BLANK.test(rawLines[i]!)).length,
    partial,
  }
}

const NOT_BLANK = /\S/

/**
 * A line cut to MAX_LINE_CHARS where a word ends: a word cut in two is noise to the matcher, and
 * half a secret is one redaction cannot recognize once the line is stored (events/record.ts).
 * A line that is one long word is cut inside it.
 */
export function cutLine(full: string): string {
  if (full.length <= MAX_LINE_CHARS) return full
  if (/\s/.test(full[MAX_LINE_CHARS]!)) return full.slice(0, MAX_LINE_CHARS)
  let end = MAX_LINE_CHARS
  while (end > 0 && !/\s/.test(full[end - 1]!)) end--
  return full.slice(0, end > 0 ? end : MAX_LINE_CHARS)
}

/** A raw line as the matcher reads it: normalized, with its W3C fields spelled out (`explained`, or ''). */
export function readLine(raw: string, explained: string): string {
  return `${normalizeLine(raw)}${explained ? ` ${explained}` : ''}`.trim()
}

/** A line break or tab escaped inside a logged string (`recovery\\nDETAIL:`), before a capital, a space or the end. */
const ESCAPED_BREAK = /\\[nrt](?=[A-Z\s]|$)/g

/**
 * Parts of one identifier weighed as a name, at most: real names have a handful. A longer run (a
 * dotted blob of hex, 200 parts) is read as words, which keeps this linear: comparing every part
 * with every other made a 10 MB paste of such runs take 4-6 s to read instead of under one.
 */
const MAX_IDENTIFIER_PARTS = 16

/**
 * The terms of a line (`termSet`) found only as parts of its identifiers, never as words of their
 * own, each with the identifiers they were split from: a class name's words are one name, not a phrase.
 */
export function splitOnlyTerms(text: string, termSet: ReadonlySet<string>): Map<string, string[]> {
  const parts = new Map<string, string[]>()
  const words = new Set<string>()
  // An escaped line break in a JSON log joins two words, not the parts of a name.
  for (const raw of splitText(text.replace(ESCAPED_BREAK, ' '))) {
    const keys = analyzeToken(raw)
    if (keys.length < 2 || keys.length > MAX_IDENTIFIER_PARTS || !isIdentifier(trim(raw))) {
      for (const k of keys) words.add(k)
      continue
    }
    // The names in it (itself, `CannotAcquireLockException` of `org.example.CannotAcquireLockException`) hold other parts; the words do not.
    const names = keys.filter((k) => keys.some((o) => o !== k && k.includes(o)))
    for (const k of keys) {
      if (names.includes(k)) words.add(k)
      else parts.set(k, [...(parts.get(k) ?? []), ...names])
    }
  }
  for (const k of [...parts.keys()]) if (words.has(k) || !termSet.has(k)) parts.delete(k)
  return parts
}

/**
 * Which lines to read in full: all of a short paste; of a long one (over `triageLines`), the lines
 * that could be the error and `triageContext` lines either side; when no line could be, every line.
 * When `late` says the time is up, the lines looked at so far (a shorter list).
 */
function triage(rawLines: readonly string[], explained: readonly string[], late: (i: number) => boolean, o: ReadOptions): boolean[] {
  const all = rawLines.map(() => true)
  if (rawLines.length <= o.triageLines) return all
  const read = rawLines.map(() => false)
  let kept = 0
  for (let i = 0; i < rawLines.length; i++) {
    if (late(i)) {
      read.length = i
      break
    }
    const raw = rawLines[i]!
    if (!mayBeError(explained[i] ? `${raw} ${explained[i]}` : raw)) continue
    kept++
    for (let j = Math.max(0, i - o.triageContext); j <= Math.min(rawLines.length - 1, i + o.triageContext); j++) read[j] = true
  }
  return kept === 0 ? all.slice(0, read.length) : read
}
