/**
 * What a question event stores: the question redacted (core/privacy) and normalized the way the
 * matcher reads it (timestamps and counters gone, placeholders kept), bounded in size. For a
 * match, the lines the matcher read as the error; for a search, the query.
 *
 * Identical questions asked within one flush of the writer are stored as one row with a count
 * (runtime/events/questions.ts), and each answer still gets a queryId of its own: the row's id
 * with its last 12 hex digits replaced by random ones, so an open or a verdict finds its row
 * (`questionRowOf`) without a lookup, and two answers of one row stay told apart.
 */
import { randomUUID } from 'node:crypto'
import { W3cReader } from '../../core/match/logformats.js'
import { normalizeLine } from '../../core/match/normalize.js'
import { readLine } from '../../core/match/paste.js'
import { extractCodes } from '../../core/match/signals.js'
import { foldLookalikes, mayRedactAcrossLines, redact } from '../../core/privacy/redact.js'
import type { Question } from './types.js'

/** Characters of a question stored at most. */
export const STORED_QUESTION_CHARS = 2000

/**
 * Characters of a question redacted at most: more than is stored, since normalizing shortens it,
 * and bounded, since redaction's patterns run over all of it.
 */
const REDACTED_CHARS = 4 * STORED_QUESTION_CHARS

/**
 * The question's lines as one text, at most REDACTED_CHARS, cut where a word ends: redaction
 * sees the whole of what it redacts (a private key over several lines, a token that crosses the
 * limit), never half a secret it could not recognize.
 */
function boundedText(lines: readonly string[]): string {
  const text = lines.length === 1 ? lines[0]! : lines.join('\n')
  if (text.length <= REDACTED_CHARS) return text
  const cut = text.slice(0, REDACTED_CHARS + 1).search(/\s\S*$/)
  return text.slice(0, cut > 0 ? cut : REDACTED_CHARS)
}

/** A question redacted: its lines, the paste they came from (when it was given), and the stored form. */
export interface RedactedQuestion {
  /** The question's lines redacted (not yet normalized). */
  redacted: string
  /**
   * The paste lines codes were read from (other than the question's), redacted with the lines
   * around them, up to the same bound (made once, when first asked for); undefined when no paste was given.
   */
  pasteRedacted?: () => string
  /** Redacted, normalized line by line, blank lines dropped, bounded. */
  stored: string
}

/** A token as `hiddenWords` compares them: what lies between spaces, quotes and the signs around a value. */
const WORD = /[^\s"'`=<>;,:()[\]{}]+/g

/**
 * Words of a text its redaction took out (at least 4 characters: a secret, a user or host name),
 * to take out of the question's lines too: a setting whose name is on another line than its value
 * (`<add key="DbPassword"` / `value="…"`) is recognized only in the whole paste. `text` is folded (foldLookalikes), as redaction reads it.
 */
function hiddenWords(text: string, redacted: string): Set<string> {
  const kept = new Set(redacted.match(WORD) ?? [])
  return new Set((text.match(WORD) ?? []).filter((w) => w.length >= 4 && !kept.has(w)))
}

/** Lines of the paste around each of the question's lines redacted with it: a setting's name is on the line before its value. */
const CONTEXT_LINES = 2

/**
 * The question's lines with the paste lines around each (CONTEXT_LINES before and after), as one
 * text: what a value on a question line may be named by. Found by position in the paste (the
 * matcher's lines are paste lines, trimmed); a line not found stands alone. Windows that overlap
 * (the lines of one stack trace or record) are one, so the bound on what is redacted
 * (boundedText) is not spent on the same paste lines again and again.
 */
function linesInContext(lines: readonly string[], paste: string): string {
  const alone: string[] = []
  const windows: Array<[number, number]> = []
  for (const line of lines) {
    const at = line ? paste.indexOf(line) : -1
    if (at < 0) {
      alone.push(line)
      continue
    }
    let start = paste.lastIndexOf('\n', at - 1) + 1
    for (let n = 0; n < CONTEXT_LINES && start > 0; n++) start = paste.lastIndexOf('\n', start - 2) + 1
    let end = paste.indexOf('\n', at + line.length)
    for (let n = 0; n < CONTEXT_LINES && end >= 0; n++) end = paste.indexOf('\n', end + 1)
    windows.push([start, end < 0 ? paste.length : end])
  }
  windows.sort((a, b) => a[0] - b[0])
  const parts: string[] = []
  let [from, to] = windows[0] ?? [0, -1]
  for (const [start, end] of windows.slice(1)) {
    if (start <= to + 1) to = Math.max(to, end)
    else {
      parts.push(paste.slice(from, to))
      ;[from, to] = [start, end]
    }
  }
  if (to >= 0) parts.push(paste.slice(from, to))
  return [...parts, ...alone].join('\n')
}

/**
 * A question's lines redacted, and its stored form. With the paste the lines came from, the lines
 * are redacted with the paste lines around them too, when those may name a value on the next
 * line (mayRedactAcrossLines), and what that took out is taken out of the lines. `codeLines`, the
 * paste lines the codes were read from (codeLinesOf), are redacted in their context only when asked
 * for (`pasteRedacted`, for codes read outside the question's lines); without them, the paste
 * whole, up to the bound (a code read past it is not kept).
 */
export function redactedQuestion(lines: readonly string[], paste?: string, codeLines?: readonly string[]): RedactedQuestion {
  let redacted = redact(boundedText(lines))
  if (paste !== undefined) {
    // Folded once, as redaction reads it: the words compared (hiddenWords) are the ones it saw.
    const context = foldLookalikes(boundedText([linesInContext(lines, paste)]))
    if (mayRedactAcrossLines(context)) {
      const hidden = hiddenWords(context, redact(context))
      if (hidden.size) redacted = redacted.replace(WORD, (w) => (hidden.has(w) ? '<secret>' : w))
    }
  }
  const out: string[] = []
  let size = 0
  for (const line of redacted.split('\n')) {
    const s = normalizeLine(line)
    if (!s) continue
    out.push(s)
    size += s.length + 1
    if (size >= STORED_QUESTION_CHARS) break
  }
  let whole: string | undefined
  return {
    redacted,
    ...(paste !== undefined
      ? { pasteRedacted: () => (whole ??= redact(boundedText([codeLines === undefined ? paste : linesInContext(codeLines, paste)]))) }
      : {}),
    stored: out.join('\n').slice(0, STORED_QUESTION_CHARS),
  }
}

/** The stored form of a question: redacted, normalized line by line, blank lines dropped, bounded. */
export const storedQuestion = (lines: readonly string[]): string => redactedQuestion(lines).stored

/** Codes stored with a question, at most: the ones the matcher read first (a paste can name thousands). */
export const STORED_CODES = 50

/** The codes the matcher reads in a text: each line normalized, its W3C fields spelled out (match/paste.ts). */
function codesIn(text: string): Set<string> {
  const w3c = new W3cReader()
  const out = new Set<string>()
  for (const line of text.split('\n')) for (const c of extractCodes(readLine(line, w3c.explain(line)))) out.add(c)
  return out
}

/**
 * The codes read from a question that its redacted text still gives, read again the way the
 * matcher read them: a "code" read out of a secret (`Password=Welcome_Admin1` read as
 * `welcome_admin1`) is gone with the secret, and a code the matcher read from a normalized or
 * W3C-explained line (`http 500.19` of `- 500 19`) is still read. A code read elsewhere in the
 * paste than the question's lines is looked for in the redacted paste (redactedQuestion).
 */
export function codesShown(codes: readonly string[], q: Pick<RedactedQuestion, 'redacted' | 'pasteRedacted'>): string[] {
  const wanted = codes.length > STORED_CODES ? codes.slice(0, STORED_CODES) : codes
  if (wanted.length === 0) return []
  const read = codesIn(q.redacted)
  if (q.pasteRedacted && wanted.some((c) => !read.has(c))) for (const c of codesIn(q.pasteRedacted())) read.add(c)
  return wanted.filter((c) => read.has(c))
}

/**
 * The distinct paste lines the codes a question stores (the first STORED_CODES) were read from,
 * other than its lines: all a store needs of the paste to check those codes against, redacted.
 */
export function codeLinesOf(codes: readonly string[], sources: ReadonlyMap<string, string>, lines: readonly string[]): string[] {
  const out = new Set<string>()
  for (const code of codes.slice(0, STORED_CODES)) {
    const line = sources.get(code)
    if (line !== undefined && !lines.includes(line)) out.add(line)
  }
  return [...out]
}

/** Questions whose stored form is remembered, at most (then forgotten all at once: cheap, and popular questions come back at once). */
const REMEMBERED_QUESTIONS = 4096
/** Longer questions are not remembered: a 40 KB paste is rarely sent twice, and would hold memory. */
const REMEMBERED_CHARS = 1024
const remembered = new Map<string, RedactedQuestion>()

/**
 * redactedQuestion, remembered for short questions: the same search is asked again and again (a
 * cached answer costs microseconds, and redaction's patterns cost more than that), keyed on
 * everything the stored form depends on: the lines, the paste and its code lines (a read cut short
 * by its budget gives fewer). A paste that is the lines is not redacted twice.
 */
export function redactedQuestionOf(lines: readonly string[], paste?: string, codeLines?: readonly string[]): RedactedQuestion {
  const text = lines.length === 1 ? lines[0]! : lines.join('\n')
  const other = paste === undefined || paste.trim() === text ? undefined : paste
  const key = `${text}\u0000${other ?? ''}\u0000${codeLines === undefined ? '\u0001' : codeLines.join('\n')}`
  if (key.length > REMEMBERED_CHARS) return redactedQuestion(lines, other, codeLines)
  let known = remembered.get(key)
  if (known === undefined) {
    known = redactedQuestion(lines, other, codeLines)
    if (remembered.size >= REMEMBERED_QUESTIONS) remembered.clear()
    remembered.set(key, known)
  }
  return known
}

/** The lines of a match stored as its question: what the matcher read as the error; a paste with no error-like line (the user's own words) as sent, its first 20 lines. */
export function questionLines(errorLines: readonly string[], paste: string): readonly string[] {
  return errorLines.length ? errorLines : paste.split('\n', 20)
}

/** What is known of a question when its answer is sent (the writer adds the ids, time and count). */
export type QuestionAsked = Question

/** A question answered, from what the route knows, in the form the writer groups and stores. */
export function questionAsked(input: {
  kind: 'search' | 'match'
  /** What the matcher read as the error (match) or the query (search); the whole paste when nothing was read as an error. */
  lines: readonly string[]
  raw?: string
  /** The paste as sent: the lines around `lines` and `codeLines` in it are redacted with them (never stored). */
  paste?: string
  /** The paste lines the codes were read from (codeLinesOf); without them, the whole paste is read for codes, bounded. */
  codeLines?: readonly string[]
  /** The question already redacted (redactedQuestionOf of the same lines, paste and code lines), when the route needed it first. */
  redacted?: RedactedQuestion
  resultIds: string[]
  confidences?: number[]
  noConfidentMatch: boolean
  partial: boolean
  codes: string[]
  buildId: string
}): QuestionAsked {
  const q = input.redacted ?? redactedQuestionOf(input.lines, input.paste, input.codeLines)
  return {
    kind: input.kind,
    text: q.stored,
    ...(input.raw !== undefined ? { raw: input.raw } : {}),
    resultIds: input.resultIds,
    ...(input.confidences ? { confidences: input.confidences } : {}),
    noConfidentMatch: input.noConfidentMatch,
    partial: input.partial,
    codes: codesShown(input.codes, q),
    buildId: input.buildId,
  }
}

/** A new event id. */
export const newId = (): string => randomUUID()

/** Hex digits of a queryId that tell apart the answers of one question row (the UUID's last group). */
const ANSWER_DIGITS = 12
const ROW_SUFFIX = '0'.repeat(ANSWER_DIGITS)

/** A new question row id: a random UUID whose last group is zeros. */
export const newQuestionRowId = (): string => randomUUID().slice(0, 36 - ANSWER_DIGITS) + ROW_SUFFIX

/** A queryId for one answer of a question row: the row's id, its last group random. */
export const queryIdOf = (rowId: string): string => rowId.slice(0, 36 - ANSWER_DIGITS) + randomUUID().slice(36 - ANSWER_DIGITS)

/** A queryId of its own, for an answer whose question is not stored (events off, or dropped). */
export const newQueryId = (): string => queryIdOf(newQuestionRowId())

/** The question row a queryId belongs to. */
export const questionRowOf = (queryId: string): string => queryId.slice(0, 36 - ANSWER_DIGITS) + ROW_SUFFIX
