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
import { equivalentCodes } from '../../core/match/codes.js'
import { normalizeLine } from '../../core/match/normalize.js'
import { redact } from '../../core/privacy/redact.js'
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

/** A question redacted (not yet normalized), and its stored form: redacted, normalized line by line, blank lines dropped, bounded. */
export function redactedQuestion(lines: readonly string[]): { redacted: string; stored: string } {
  const redacted = redact(boundedText(lines))
  const out: string[] = []
  let size = 0
  for (const line of redacted.split('\n')) {
    const s = normalizeLine(line)
    if (!s) continue
    out.push(s)
    size += s.length + 1
    if (size >= STORED_QUESTION_CHARS) break
  }
  return { redacted, stored: out.join('\n').slice(0, STORED_QUESTION_CHARS) }
}

/** The stored form of a question: redacted, normalized line by line, blank lines dropped, bounded. */
export const storedQuestion = (lines: readonly string[]): string => redactedQuestion(lines).stored

const WORD_CHAR = /[a-z0-9_]/

/** True when `word` occurs in `text` (both lower case) with no word character on either side. */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const end = i + word.length
    if ((i === 0 || !WORD_CHAR.test(text[i - 1]!)) && (end === text.length || !WORD_CHAR.test(text[end]!))) return true
  }
  return false
}

/** Lines of the paste searched for a code the question's own lines do not show, at most; characters of each; characters redacted for that in all. */
const CODE_LINES = 200
const CODE_LINE_CHARS = 2000
const CODE_REDACT_BUDGET = 4 * CODE_LINE_CHARS

/** A code's value: its last word (`403` of `http 403`); the words before it name its kind, never a secret. */
const codeValue = (code: string): string => code.slice(code.lastIndexOf(' ') + 1).toLowerCase()

/** A pattern finding `word` in any case (a paste line is tested as it is, not lower-cased first). */
const anyCase = (word: string): RegExp => new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')

/**
 * The codes read from a question that its redacted text still shows: a "code" read out of a
 * secret (`Password=Welcome_Admin1` read as `welcome_admin1`) is dropped with the secret. A code
 * is shown when its value is a word of the text, or it is another spelling of one shown
 * (`win32 5` of `0x80070005`). A code read elsewhere in the paste than the question's lines is
 * kept when a redacted line of the paste shows it; the lines redacted for that are bounded (past
 * the budget, such a code is dropped).
 */
export function codesShown(codes: readonly string[], redacted: string, paste?: string): string[] {
  if (codes.length === 0) return []
  const text = redacted.toLowerCase()
  const shown = new Set(codes.filter((c) => hasWord(text, codeValue(c))))
  const spellings = () => new Set([...shown].flatMap(equivalentCodes))
  let also = spellings()
  const rest = codes.filter((c) => !shown.has(c) && !also.has(c))
  if (rest.length && paste) {
    const lines = paste.split('\n', CODE_LINES).map((l) => l.slice(0, CODE_LINE_CHARS))
    const redactedLines = new Map<number, string>()
    let budget = CODE_REDACT_BUDGET
    for (const code of rest) {
      const value = codeValue(code)
      const find = anyCase(value)
      for (let i = 0; i < lines.length && budget >= 0; i++) {
        if (!find.test(lines[i]!)) continue
        let r = redactedLines.get(i)
        if (r === undefined) {
          if ((budget -= lines[i]!.length) < 0) break
          redactedLines.set(i, (r = redact(lines[i]!).toLowerCase()))
        }
        if (hasWord(r, value)) {
          shown.add(code)
          break
        }
      }
    }
    also = spellings()
  }
  return codes.filter((c) => shown.has(c) || also.has(c))
}

/** Questions whose stored form is remembered, at most (then forgotten all at once: cheap, and popular questions come back at once). */
const REMEMBERED_QUESTIONS = 4096
/** Longer questions are not remembered: a 40 KB paste is rarely sent twice, and would hold memory. */
const REMEMBERED_CHARS = 1024
const remembered = new Map<string, { redacted: string; stored: string }>()

/**
 * redactedQuestion, remembered for short questions: the same search is asked again and again (a
 * cached answer costs microseconds, and redaction's patterns cost more than that), and the
 * stored form depends on the lines alone.
 */
function redactedQuestionOf(lines: readonly string[]): { redacted: string; stored: string } {
  const key = lines.length === 1 ? lines[0]! : lines.join('\n')
  if (key.length > REMEMBERED_CHARS) return redactedQuestion(lines)
  let known = remembered.get(key)
  if (known === undefined) {
    known = redactedQuestion(lines)
    if (remembered.size >= REMEMBERED_QUESTIONS) remembered.clear()
    remembered.set(key, known)
  }
  return known
}

/** What is known of a question when its answer is sent (the writer adds the ids, time and count). */
export type QuestionAsked = Question

/** A question answered, from what the route knows, in the form the writer groups and stores. */
export function questionAsked(input: {
  kind: 'search' | 'match'
  /** What the matcher read as the error (match) or the query (search); the whole paste when nothing was read as an error. */
  lines: readonly string[]
  raw?: string
  /** The paste as sent, to check codes read outside `lines` against (never stored). */
  paste?: string
  resultIds: string[]
  confidences?: number[]
  noConfidentMatch: boolean
  partial: boolean
  codes: string[]
  buildId: string
}): QuestionAsked {
  const { redacted, stored } = redactedQuestionOf(input.lines)
  return {
    kind: input.kind,
    text: stored,
    ...(input.raw !== undefined ? { raw: input.raw } : {}),
    resultIds: input.resultIds,
    ...(input.confidences ? { confidences: input.confidences } : {}),
    noConfidentMatch: input.noConfidentMatch,
    partial: input.partial,
    codes: codesShown(input.codes, redacted, input.paste),
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
