/**
 * What the matcher knows of each article, prepared once when an artifact loads: its codes and
 * its symptoms as term sequences, with quoted placeholders (`<server>`, `%s`, `{0}`, `...`)
 * turned into gaps that any pasted value fills.
 */
import type { KbArticle } from '../article.js'
import type { Synonyms } from '../analysis/synonyms.js'
import { analyzeText } from '../analysis/terms.js'
import { canonicalHex, codesByKind, HTTP_REASON } from './codes.js'
import { holdsNonCode } from './notcodes.js'
import { MATCH_DEFAULTS, type MatchOptions } from './options.js'
import { errorLikeness, extractCodes } from './signals.js'

/** A placeholder in quoted error text: `<machine_name>`, `%s`, `%1`, `{0}`, `...`, `…`, `xxx`. */
export const PLACEHOLDER = /<[^<>\n]{1,40}>|%\d+|%[sdxuS]\b|\{\d+\}|\.{3}|…|\b[Xx]{3,}\b|\bN_(?=[A-Za-z])/g
export const GAP = '\u0000'

/** One symptom, prepared for matching. */
export interface SymptomProfile {
  text: string
  /** Terms in order; GAP marks where a placeholder stood. */
  terms: string[]
  termSet: Set<string>
  /** A message quoted inside a longer symptom, matched on its own. */
  quoted?: boolean
  /** Nothing but HTTP statuses and their reason phrases (`saysOnlyStatus`): worth what the status numbers say. */
  statusOnly?: boolean
}

/**
 * A symptom ready to compare: its distinct terms with their numbers and weights (IDF in the loaded
 * KB) and its word pairs. Kept for every article that has been a candidate, so compact: parallel
 * arrays, no tuples or sets (at 10,000 articles: 80 MB as tuples and sets). Compared by number:
 * looking up a number costs no string hashing or comparing, and a pair of numbers is one number.
 */
export interface WeightedSymptom {
  text: string
  /** Distinct terms; `ids[i]` is the number of `terms[i]` (`TermNumbers`), `weights[i]` its weight. */
  terms: readonly string[]
  ids: Int32Array
  weights: Float64Array
  /** Distinct adjacent term pairs (not across a gap: word order, for phrase-like matching), as `pairKey`s. */
  pairs: Float64Array
  /** Sum of the weights: what a segment holding every term scores. */
  total: number
  /** 0..1, what a full match of it is worth: 1 for a symptom, less for a short or common quoted message. */
  strength: number
}

/** A code the article lists, to find as written: `QueueFull`, `5011`, `Shared secret incorrect…`. */
export interface LiteralCode {
  key: string
  pattern: RegExp
  /** Lower-cased text the pattern cannot match without: a cheap test before the regex on a long paste. */
  needle: string
}

/**
 * Literal codes from an article's `error_codes`: phrases and names as written, as whole words.
 * A bare number of 3 digits must follow a word that makes it a code (`Msg 511`, `event 102`,
 * `error: 207`), since 3-digit numbers are everywhere in logs; 1-2 digit numbers say too little.
 * Longer numbers match anywhere but after `=`. A file name, a path or a GUID listed as a code is
 * none (notcodes.ts): it names a place or a thing, and many articles' pastes hold it.
 */
export function literalCode(code: string): LiteralCode | undefined {
  const text = code.trim()
  if (/^-?\d{1,2}$/.test(text) || text.length < 3 || holdsNonCode(text)) return undefined
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
  // A number right after `=` is a setting or counter value (`CurrentQueueSize=1000`), not a code.
  const context = /^\d{3}$/.test(text) ? '(?:error|msg|event(?:\\s*id)?|code|status|number|no\\.?|#)\\W{0,3}' : /^\d+$/.test(text) ? '(?<!=\\s*)' : ''
  const needle = text
    .toLowerCase()
    .split(/\s+/)
    .reduce((a, b) => (b.length > a.length ? b : a), '')
  return { key: `"${text.toLowerCase()}"`, pattern: new RegExp(`(?<![\\w.])${context}${escaped}(?![\\w])`, 'i'), needle }
}

/** One article, prepared for matching. */
export interface ArticleProfile {
  id: string
  codes: Set<string>
  /** Its codes of each specific kind (`codesByKind`), to tell a conflicting code from a missing one. */
  codeKinds: Map<string, string[]>
  /** Author-listed codes that no pattern recognizes, found verbatim (whole words) in a paste. */
  literalCodes: LiteralCode[]
  symptoms: WeightedSymptom[]
  /** The numbers of every term of its symptoms, sorted: what a paste describing its problem shares with them, across symptoms. */
  symptomIds: Int32Array
  /** Its symptoms' sentences to find word for word in a paste (`verbatimSentences`). */
  sentences: VerbatimSentence[]
}

/** A sentence of a symptom, as compared verbatim (`sentenceKey`), with its longest (rarest) word: a paste lacking it cannot hold the sentence. */
export interface VerbatimSentence {
  key: string
  anchor: string
  /** The symptom it is from. */
  symptom: string
  /** 0..1: what finding it is worth, from its length (`MatchOptions.verbatimWords`). */
  strength: number
}

/** Prepare a symptom: placeholders become gaps, the rest becomes index-form terms (with the index's synonyms). */
export function profileSymptom(text: string, synonyms?: Synonyms): SymptomProfile {
  const terms = text.split(PLACEHOLDER).flatMap((chunk, i) => (i === 0 ? analyzeText(chunk, synonyms) : [GAP, ...analyzeText(chunk, synonyms)]))
  return { text, terms, termSet: new Set(terms.filter((t) => t !== GAP)) }
}

/** Numbers for terms, so that sequences compare by number: the index's, then new ones for terms it lacks. */
export interface TermNumbers {
  /** The term's number, made if need be (for an article's terms). */
  of(term: string): number
  /** The term's number, or -1 if it has none (for a paste's terms: a term no article has can match nothing). */
  find(term: string): number
}

/** Term numbers stay below this, so a pair of them is one exact number (`pairKey`). */
export const MAX_TERM_NUMBER = 2 ** 26

/** One number for an ordered pair of term numbers. */
export function pairKey(a: number, b: number): number {
  return a * MAX_TERM_NUMBER + b
}

/** The distinct adjacent pairs of a sequence of term numbers, as pair keys; pairs touching a -1 (no number, or a gap) left out. */
export function numberPairs(ids: ArrayLike<number>): Set<number> {
  const out = new Set<number>()
  for (let i = 1; i < ids.length; i++) {
    const a = ids[i - 1]!
    const b = ids[i]!
    if (a >= 0 && b >= 0) out.add(pairKey(a, b))
  }
  return out
}

/** What a symptom's full match is worth, from its weight (`MatchOptions`: quoted messages, whole symptoms). */
export type StrengthUnits = Pick<MatchOptions, 'quoteUnits' | 'symptomUnits' | 'verbatimWords'>

/** Weigh a symptom's terms; a term the KB lacks (impossible for its own text, but cheap to guard) counts 1. */
export function weighSymptom(
  s: SymptomProfile,
  weight: (term: string) => number,
  numbers: TermNumbers,
  uniqueIdf = 1,
  units: StrengthUnits = MATCH_DEFAULTS,
): WeightedSymptom {
  const terms = [...s.termSet]
  const weights = Float64Array.from(terms, (t) => weight(t) || 1)
  const total = weights.reduce((sum, w) => sum + w, 0)
  const pairs = numberPairs(s.terms.map((t) => (t === GAP ? -1 : numbers.of(t))))
  return {
    text: s.text,
    terms,
    ids: Int32Array.from(terms, (t) => numbers.of(t)),
    weights,
    pairs: Float64Array.from(pairs),
    total,
    strength: quotedStrength((s.statusOnly ? statusWeight(terms, weights) : total) / uniqueIdf, s.quoted ? units.quoteUnits : units.symptomUnits),
  }
}

/**
 * What matching a quoted message (or, with `symptomUnits`, a whole symptom) in full is worth, from
 * how much it says: its weight in units of a term only one article holds. `"Config Error"` (half a
 * unit) is worth nothing on its own, `"server: awselb/2.0"` (two units) half a symptom, three units
 * and more a whole one.
 */
export function quotedStrength(units: number, q: MatchOptions['quoteUnits'] = MATCH_DEFAULTS.quoteUnits): number {
  return Math.min(1, Math.max(0, (units - q.none) / (q.full - q.none)))
}

/**
 * The codes an article is matched on, computed once at build time and stored in the artifact:
 * canonical codes from its error codes, symptoms and title, and (quoted) the listed codes no
 * pattern recognizes, which are then matched as written.
 */
export function articleCodes(a: KbArticle): string[] {
  const codes = new Set<string>()
  for (const t of [...a.errorCodes, ...a.symptoms, a.title]) for (const c of extractCodes(t.replace(PLACEHOLDER, ' '))) codes.add(c)
  for (const c of a.errorCodes) {
    const listed = listedCode(c)
    if (listed) codes.add(listed)
    const lit = !listed && extractCodes(c).length === 0 ? literalCode(c) : undefined
    if (lit) codes.add(lit.key)
  }
  return [...codes].sort()
}

/**
 * A code an author lists on its own, in a form that needs the context of a sentence to be read as
 * a code (`0xEF` after "stop code", `5.1.1` after "550"): listed, it is one.
 */
function listedCode(code: string): string | undefined {
  const text = code.trim()
  const hex = /^0x([0-9a-f]{1,8})$/i.exec(text)
  if (hex) return canonicalHex(hex[1]!)
  return /^[245]\.\d{1,3}\.\d{1,3}$/.test(text) ? `mail ${text}` : undefined
}

/** Prepare an article for matching, from its stored codes and the KB's term weights and numbers (done on first use, then kept). */
export function profileArticle(
  a: KbArticle,
  codes: readonly string[],
  weight: (term: string) => number,
  numbers: TermNumbers,
  uniqueIdf = 1,
  units: StrengthUnits = MATCH_DEFAULTS,
  synonyms?: Synonyms,
): ArticleProfile {
  const canonical = codes.filter((c) => !c.startsWith('"'))
  const symptoms = a.symptoms.flatMap((text) =>
    symptomParts(text, synonyms)
      .map((s) => weighSymptom(s, weight, numbers, uniqueIdf, units))
      .filter((s) => s.strength > 0),
  )
  return {
    id: a.id,
    codes: new Set(canonical),
    codeKinds: codesByKind(canonical),
    literalCodes: codes.flatMap((c) => {
      const lit = c.startsWith('"') ? literalCode(c.slice(1, -1)) : undefined
      return lit ? [lit] : []
    }),
    symptoms,
    symptomIds: Int32Array.from(new Set(symptoms.flatMap((s) => [...s.ids]))).sort(),
    sentences: verbatimSentences(a.symptoms, units.verbatimWords),
  }
}

/** A sentence as compared verbatim: lower case, each run of characters other than letters and digits one space. */
export function sentenceKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** PLACEHOLDER without the global flag, to test a string (a global regex keeps its place between tests). */
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER.source)

/** The labels before a message on its line: a level or a program's name, then a colon (`FATAL:  `, `psql: error: `). */
const LABELS = /^(?:[\w.-]{1,20}:\s+)+/

/** Where a line holds more than one sentence: after a full stop, a question or exclamation mark, before a capital. */
const SENTENCE_END = /(?<=[.!?])\s+(?=\p{Lu})/u

/**
 * The sentences of symptoms to find word for word in a paste, each `sentenceKey` once, with what
 * finding each is worth (`MatchOptions.verbatimWords`; those worth nothing left out): each line's
 * sentences, a labelled line's message (`FATAL:  the database system is starting up`), and each
 * quoted message. One with a placeholder (`<server>`, `%s`) is left out: its words around the gap
 * are matched as terms.
 */
export function verbatimSentences(symptoms: readonly string[], words: MatchOptions['verbatimWords'] = MATCH_DEFAULTS.verbatimWords): VerbatimSentence[] {
  const out = new Map<string, VerbatimSentence>()
  const add = (text: string, symptom: string) => {
    if (HAS_PLACEHOLDER.test(text) || saysOnlyStatus(text)) return
    const key = sentenceKey(text)
    const all = key.split(' ')
    const strength = Math.min(1, Math.max(0, (all.length - words.none) / (words.full - words.none)))
    if (strength > 0 && !out.has(key)) out.set(key, { key, anchor: all.reduce((a, b) => (b.length > a.length ? b : a)), symptom, strength })
  }
  for (const symptom of symptoms) {
    for (const line of symptom.split('\n')) {
      for (const sentence of line.split(SENTENCE_END)) add(sentence, symptom)
      // Users quote the message without the label its program put before it.
      const labelled = LABELS.exec(line)
      if (labelled) add(line.slice(labelled[0].length), symptom)
    }
    for (const m of symptom.matchAll(QUOTED)) add(m[1] ?? m[2] ?? m[3]!, symptom)
  }
  return [...out.values()]
}

/** The weight of a status-only symptom's status numbers (its reason phrase says no more than they do). */
function statusWeight(terms: readonly string[], weights: Float64Array): number {
  let w = 0
  terms.forEach((t, i) => {
    if (/^[1-5]\d\d$/.test(t)) w += weights[i]!
  })
  return w
}

/** The terms of HTTP's reason phrases (RFC 9110) and of the words around a status ("HTTP error", "status code"). */
let statusTerms: Set<string> | undefined

/** What a text holding only statuses holds at least: a status number or a reason phrase. */
const MAY_NAME_STATUS = new RegExp(`\\b[1-5]\\d\\d\\b|${HTTP_REASON}`, 'i')

/** True when a text holds nothing but HTTP statuses and their reason phrases (and protocol versions), in any order and wording. */
export function saysOnlyStatus(text: string): boolean {
  // Most symptoms name no status at all: they are not analyzed again.
  if (!MAY_NAME_STATUS.test(text)) return false
  statusTerms ??= new Set(analyzeText(`${HTTP_REASON.replace(/[^A-Za-z]+/g, ' ')} http https error status code`))
  const terms = analyzeText(text)
  return terms.length > 0 && terms.every((t) => statusTerms!.has(t) || /^[1-5]\d\d$/.test(t) || /^https?\/[\d.]+$/.test(t))
}

/** A word of a message: letters only, not part of an identifier, a path or a key. */
const MESSAGE_WORD = /(?<![\w.:/\\-])\p{L}{2,}(?![\w.:/\\-])/gu

/** Text in quotes inside a symptom: the verbatim message an author quoted amid their own words. */
const QUOTED = /"([^"\n]{6,300})"|\u201c([^\u201d\n]{6,300})\u201d|(?<!\w)'([^'\n]{6,300})'(?!\w)/g

/**
 * A symptom to match, plus each message it quotes as a part of its own (same `text`): a paste that
 * holds the quoted message matches it in full, however much the author wrote around it.
 */
export function symptomParts(text: string, synonyms?: Synonyms): SymptomProfile[] {
  // A status and its reason phrase ("HTTP Error 503. The service is unavailable.") say what the status says: weighed by the status alone.
  if (saysOnlyStatus(text)) return [{ ...profileSymptom(text, synonyms), statusOnly: true }]
  const whole = profileSymptom(text, synonyms)
  const parts = [whole]
  if (text.includes('\n')) {
    // A verbatim block (an error page, a log excerpt): each line of it that reads as an error message
    // is a message of its own, as a quoted one is. A paste holds the message line, seldom the whole
    // page. A message is words; a line of names and values (`"exception.class":"OpenSSL::SSL::SSLError"`)
    // is not one, and matched alone it would single out every article quoting that class.
    for (const line of text.split('\n')) {
      const l = line.trim()
      if (errorLikeness(l) < MATCH_DEFAULTS.errorLineAt || (l.match(MESSAGE_WORD) ?? []).length < 4) continue
      const part = profileSymptom(l, synonyms)
      if (part.termSet.size < 2 || part.termSet.size === whole.termSet.size) continue
      parts.push({ ...part, text, quoted: true })
    }
    return parts
  }
  for (const m of text.matchAll(QUOTED)) {
    const quoted = m[1] ?? m[2] ?? m[3]!
    if (quoted.includes('://')) continue
    const part = profileSymptom(quoted, synonyms)
    if (part.termSet.size < 2 || part.termSet.size === whole.termSet.size) continue
    parts.push({ ...part, text, quoted: true })
  }
  return parts
}
