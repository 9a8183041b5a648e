/**
 * Symptom matching: from a paste to ranked articles, each with the reason it matched, or an
 * honest "nothing fits". Candidates come from Lunr (query builder only, never the string parser,
 * with the paste's most informative terms) and from recognized error codes; they are re-ranked by
 * how well the paste matches each article's own symptom strings and codes.
 */
import lunr from 'lunr'
import type { IndexedKb } from '../article.js'
import type { KbArticle } from '../article.js'
import { type ArticleFilter, matchesFilter } from '../results/filters.js'
import { makeSnippet } from '../results/snippet.js'
import { round } from '../results/round.js'
import { codesByKind, isGenericCode, isHttpReason, isUnspecifiedName, kindsConflict } from './codes.js'
import { readPaste, type Paste } from './paste.js'
import { MATCH_DEFAULTS, type MatchOptions } from './options.js'
import { MAX_TERM_NUMBER, profileArticle, sentenceKey, type ArticleProfile, type TermNumbers, type VerbatimSentence } from './profile.js'
import { bestSegment, makeSegments, segmentText, tailShare, type Scratch, type Segments } from './segments.js'
import { Vocabulary } from './vocabulary.js'

const OPTIONAL = lunr.Query.presence.OPTIONAL

export { MATCH_DEFAULTS, type MatchOptions } from './options.js'

/** A match request, already validated. */
export interface MatchParams extends ArticleFilter {
  text: string
  limit: number
}

/** One symptom of an article that the paste matched, and the pasted line that matched it. */
export interface MatchedSymptom {
  symptom: string
  line: string
  score: number
}

/** One matched article. */
export interface MatchHit {
  id: string
  title: string
  score: number
  confidence: number
  snippet: string
  products: string[]
  tags: string[]
  matchedErrorCodes: string[]
  matchedSymptoms: MatchedSymptom[]
}

/** The match answer. */
export interface MatchResult {
  noConfidentMatch: boolean
  /**
   * True when the time budget ran out: the paste was not all read, or its typos not all corrected,
   * or not every candidate scored; the results are the best of what was done.
   */
  partial: boolean
  signals: { errorCodes: string[]; terms: string[]; errorLines: string[]; skippedLines: number }
  results: MatchHit[]
}

/** A match answer with what was read to make it and is not sent: for each of `signals.errorCodes`, the paste line it was read from (the events store checks the codes it keeps against them, redacted). */
export interface MatchRead {
  result: MatchResult
  codeSources: Map<string, string>
}

/** A candidate article with the evidence that does not need its symptoms compared. */
interface Candidate {
  article: KbArticle
  profile: ArticleProfile
  matchedCodes: Set<string>
  /** Its symptoms' sentences the paste holds word for word (`verbatimWords`), and where. */
  verbatim: Array<VerbatimFound & { sentence: VerbatimSentence }>
  /** Score without the symptom part, and the most the symptom part could add (`symptomBound` of it from terms). */
  base: number
  symptomBound: number
  bound: number
}

/** A matcher bound to one loaded artifact; prepared once, used for every request. */
export class Matcher {
  private readonly vocab: Vocabulary
  /** Term numbers: the index's, then new ones for article terms the index lacks. */
  private readonly numbers: TermNumbers
  /** Article profiles, made on first use: most articles are never a candidate. */
  private readonly profiles: Array<ArticleProfile | undefined>
  private readonly docOf: Map<string, number>
  /** The articles (by number) listing each code. */
  private readonly byCode = new Map<string, number[]>()
  /** bestSegment's scratch arrays, reused by every match (left zeroed after each use). */
  private scratch: Scratch = { acc: new Float64Array(256), touched: new Int32Array(256) }

  constructor(
    private readonly kb: IndexedKb,
    private readonly options: MatchOptions = MATCH_DEFAULTS,
  ) {
    this.vocab = new Vocabulary(kb.index)
    const index = kb.index
    if (index.termCount >= MAX_TERM_NUMBER / 2)
      throw new Error(`the index holds ${index.termCount} distinct terms; matching supports fewer than ${MAX_TERM_NUMBER / 2}`)
    const extra = new Map<string, number>()
    const find = (t: string): number => {
      const id = index.idOf(t)
      return id >= 0 ? id : (extra.get(t) ?? -1)
    }
    this.numbers = {
      find,
      of: (t) => {
        let id = find(t)
        if (id < 0 && index.termCount + extra.size < MAX_TERM_NUMBER) extra.set(t, (id = index.termCount + extra.size))
        return id
      },
    }
    this.docOf = new Map(kb.articles.map((a, i) => [a.id, i]))
    this.profiles = new Array<ArticleProfile | undefined>(kb.articles.length).fill(undefined) // filled: a dense array, not a dictionary
    kb.codes.forEach((codes, doc) => {
      for (const c of codes) {
        const docs = this.byCode.get(c)
        if (docs) docs.push(doc)
        else this.byCode.set(c, [doc])
      }
    })
  }

  /**
   * Match a paste against the KB, within a time budget. Every stage that grows with the paste
   * looks at the clock: reading stops at the deadline, typo lookups stop, and candidates are
   * scored best first until it; the candidate query (at most `maxQueryTerms` terms) and the
   * segments (at most `maxScoredLines` lines) are bounded in size.
   */
  match(params: MatchParams, budgetMs = Number.POSITIVE_INFINITY): MatchResult {
    return this.matchRead(params, budgetMs).result
  }

  /** `match`, with where in the paste each code was read (MatchRead). */
  matchRead(params: MatchParams, budgetMs = Number.POSITIVE_INFINITY): MatchRead {
    const deadline = performance.now() + budgetMs
    const paste = readPaste(params.text, deadline, this.options, this.kb.index.synonyms)
    let partial = paste.partial
    if (!this.correctTypos(paste, deadline)) partial = true
    const numbered = this.numberTerms(paste)
    const weights = this.termWeights(paste, numbered.idOf)
    const queryTerms = [...weights.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, this.options.maxQueryTerms)
    const allFields = this.kb.index.fields.map((_, i) => i)
    // Past the deadline already (a paste that took the budget to read): no candidate could be scored, so none is looked for.
    const late = performance.now() > deadline
    if (late) partial = true
    const { hits, terms: termsOf } = late
      ? { hits: [], terms: () => [] }
      : this.kb.index.evaluate(
          queryTerms.map(([term, boost]) => ({ term, fields: allFields, boost, usePipeline: false, wildcard: 0, editDistance: 0, presence: OPTIONAL })),
          {
            topK: this.options.candidates,
            exactTotal: false,
            accept: params.product || params.tag ? (doc) => matchesFilter(this.kb.articles[doc]!, params) : undefined,
          },
        )
    const candidates = new Map<number, { lunr: number; coverage: number }>() // by article number
    const weightOf = new Map(queryTerms)
    const totalWeight = queryTerms.reduce((sum, [, w]) => sum + w, 0) || 1
    for (const h of hits) {
      let covered = 0
      for (const t of termsOf(h.doc)) covered += weightOf.get(t) ?? 0
      candidates.set(h.doc, { lunr: h.score, coverage: covered / totalWeight })
    }
    for (const code of late ? [] : paste.codes) {
      const docs = this.byCode.get(code) ?? []
      if (docs.length <= this.options.maxArticlesPerCode) for (const doc of docs) if (!candidates.has(doc)) candidates.set(doc, { lunr: 0, coverage: 0 })
    }
    const top = Math.max(1e-9, ...[...candidates.values()].map((c) => c.lunr))

    const segments = makeSegments(paste, numbered.lines, weightOf, this.scratch, this.options, numbered.idOf)
    this.scratch = { acc: segments.acc, touched: segments.touched } // grown if need be
    const text = paste.lines.map((l) => l.normalized).join('\n')
    const pasteText = { text, lower: text.toLowerCase(), verbatim: pasteSentences(paste, segments) }
    const pasteKinds = codesByKind(paste.codes)
    // The query's terms by number, with their weights, for each candidate's share of them in its symptoms.
    const query = { ids: queryTerms.map(([t]) => numbered.idOf.get(t) ?? -1), weights: queryTerms.map(([, w]) => w), total: totalWeight }
    const pending: Candidate[] = []
    for (const [doc, c] of candidates) {
      if (performance.now() > deadline) {
        partial = true
        break
      }
      const article = this.kb.articles[doc]!
      if (!matchesFilter(article, params)) continue
      pending.push(this.evidence(article, this.profile(doc), paste, pasteText, pasteKinds, segments, { lunrRel: c.lunr / top, coverage: c.coverage }, query))
    }
    keepDistinctVerbatim(pending, this.options.weights.symptom)
    // Symptoms are compared most promising first; a candidate whose best possible score cannot
    // reach the results any more is not compared at all (the answer is the same, for less work).
    pending.sort((x, y) => y.bound - x.bound || (x.article.id < y.article.id ? -1 : 1))
    const scored: Scored[] = []
    const kth: number[] = [] // the best `keep` exact scores so far, descending
    const rivals = this.options.specificity.rivals
    const keep = Math.max(rivals, params.limit) // the top `rivals` are always exact: each one's confidence depends on the others (`specificity`)
    for (const c of pending) {
      if (kth.length >= keep && c.bound < kth[keep - 1]! - BOUND_SLACK) break
      if (performance.now() > deadline) {
        partial = true
        break
      }
      const s = this.scoreArticle(c, paste, segments)
      scored.push(s)
      kth.push(s.hit.score)
      kth.sort((x, y) => y - x)
      if (kth.length > keep) kth.length = keep
    }
    scored.sort((a, b) => b.hit.score - a.hit.score || (a.hit.id < b.hit.id ? -1 : 1))
    const results = scored.slice(0, params.limit).map((s, i) => {
      // Evidence another of the best hits matches as well singles out neither: each is measured against the others of the top `rivals`.
      let other = 0
      for (let j = 0; j < Math.min(rivals, scored.length); j++) if (j !== i) other = Math.max(other, scored[j]!.phrase)
      const confidence = this.isSpecific(s, other) ? s.hit.confidence : Math.min(s.hit.confidence, this.options.specificity.cap)
      return { ...s.hit, confidence, snippet: this.snippet(s.hit.id, segments) }
    })
    const result: MatchResult = {
      noConfidentMatch: !results[0] || results[0].confidence < this.options.confidenceThreshold,
      partial,
      signals: {
        errorCodes: paste.codes,
        terms: queryTerms.map(([t]) => t),
        errorLines: errorLinesOf(paste, this.options.errorLineAt),
        skippedLines: paste.skippedLines,
      },
      results,
    }
    return { result, codeSources: paste.codeSources }
  }

  /**
   * Words the KB does not know, in a paste short enough to be typed by hand (and without the
   * timestamps, log levels or stack frames of copied text), are replaced by the most frequent KB
   * term one edit away (`sitemindr` -> `sitemind`). Returns false when the deadline stopped the
   * lookups (the words looked up by then are corrected).
   */
  private correctTypos(paste: Paste, deadline: number): boolean {
    if (paste.lines.length > this.options.maxLinesForTypos || paste.lines.some((l) => COPIED.test(l.raw))) return true
    const unknown = new Set<string>()
    const word = new RegExp(`^\\p{L}{${this.options.minTypoWordLength},}$`, 'u')
    for (const line of paste.lines) for (const t of line.termSet) if (word.test(t) && !this.vocab.has(t)) unknown.add(t)
    if (unknown.size === 0 || unknown.size > this.options.maxTypoLookups) return true
    const fixes = new Map<string, string>()
    let done = true
    for (const t of unknown) {
      if (performance.now() > deadline) {
        done = false
        break
      }
      const best = this.vocab.correctionsOf(t)[0]
      if (best) fixes.set(t, best)
    }
    for (const line of paste.lines) {
      if (!line.terms.some((t) => fixes.has(t))) continue
      line.terms = line.terms.map((t) => fixes.get(t) ?? t)
      line.termSet = new Set(line.terms)
    }
    return done
  }

  /**
   * The numbers of each line's terms (-1 for a term no article has), each distinct term looked up
   * once per paste: the words of a log repeat from line to line, and each lookup in the KB's term
   * map of hundreds of thousands costs a cache miss.
   */
  private numberTerms(paste: Paste): { lines: Int32Array[]; idOf: Map<string, number> } {
    const idOf = new Map<string, number>()
    const lines = paste.lines.map((line) => {
      const ids = new Int32Array(line.terms.length)
      for (let i = 0; i < ids.length; i++) {
        const t = line.terms[i]!
        let id = idOf.get(t)
        if (id === undefined) idOf.set(t, (id = this.numbers.find(t)))
        ids[i] = id
      }
      return ids
    })
    return { lines, idOf }
  }

  /** Weight each known term by its rarity in the KB and by how error-like its best line is. */
  private termWeights(paste: Paste, idOf: ReadonlyMap<string, number>): Map<string, number> {
    const w = new Map<string, number>()
    const worth = new Map<string, number>() // a term's worth before its line's weight
    for (const line of paste.lines) {
      const lineWeight = this.options.lineWeightBase + line.errorLike
      for (const t of line.termSet) {
        let base = worth.get(t)
        if (base === undefined) {
          // Short bare numbers in logs are mostly sizes, counts and ids; as codes they are caught by the
          // code patterns, which match in context ("HTTP 503", "Msg 511").
          base = this.vocab.idfOf(idOf.get(t) ?? -1) * (/^\d{1,3}$/.test(t) ? this.options.shortNumberWorth : 1)
          worth.set(t, base)
        }
        if (base === 0) continue
        const v = base * lineWeight
        if (v > (w.get(t) ?? 0)) w.set(t, v)
      }
    }
    return w
  }

  /** What a candidate scores without comparing symptoms, and the most comparing them could add. */
  private evidence(
    a: KbArticle,
    p: ArticleProfile,
    paste: Paste,
    pasteText: PasteText,
    pasteKinds: ReadonlyMap<string, readonly string[]>,
    segs: Segments,
    retrieval: { lunrRel: number; coverage: number },
    query: { ids: number[]; weights: number[]; total: number },
  ): Candidate {
    const matchedCodes = new Set(paste.codes.filter((c) => p.codes.has(c)))
    for (const lit of p.literalCodes) {
      if (!pasteText.lower.includes(lit.needle) || !lit.pattern.test(pasteText.text)) continue
      // A bare status number an article lists ("504") is the HTTP status the paste names, and says no more than it.
      const status = /^"([1-5]\d\d)"$/.exec(lit.key)?.[1]
      matchedCodes.add(status && paste.codes.includes(`http ${status}`) ? `http ${status}` : lit.key)
    }
    let codeScore = 0
    // A code named only on chatter lines (an INFO line listing w3wp.exe) counts half.
    const chatter = this.options.chatterCodeShare
    for (const c of matchedCodes) codeScore = Math.max(codeScore, this.codeWeight(c) * Math.min(1, chatter + (paste.codeLines.get(c) ?? 1)))

    const conflict = kindsConflict(pasteKinds, p.codeKinds, p.codes) ? this.options.codeConflictPenalty : 0
    const w = this.options.weights
    let inSymptoms = 0
    for (let k = 0; k < query.ids.length; k++) if (hasSorted(p.symptomIds, query.ids[k]!)) inSymptoms += query.weights[k]!
    const base =
      w.code * codeScore + w.coverage * retrieval.coverage + w.symptomCoverage * (inSymptoms / query.total) + w.retrieval * retrieval.lunrRel - conflict
    const verbatim: Candidate['verbatim'] = []
    for (const sentence of p.sentences) {
      // Its longest word first, inline: most sentences of most candidates stop there.
      if (!pasteText.verbatim.words.has(sentence.anchor)) continue
      const found = findVerbatim(pasteText.verbatim, sentence)
      if (found) verbatim.push({ sentence, ...found })
    }
    // A symptom scores at most the share of its weight found anywhere in the paste (all of it, for a sentence the paste holds verbatim).
    let symptomBound = 0
    for (const s of p.symptoms) {
      if (s.total === 0) continue
      let found = 0
      for (let k = 0; k < s.ids.length; k++) if (segs.byId.has(s.ids[k]!)) found += s.weights[k]!
      symptomBound = Math.max(symptomBound, (found / s.total) * s.strength)
    }
    return { article: a, profile: p, matchedCodes, verbatim, base, symptomBound, bound: base + w.symptom * Math.max(symptomBound, verbatimBound(verbatim)) }
  }

  /** The full score of a candidate (its evidence plus its best-matching symptom), and what is specific in it. */
  private scoreArticle(c: Candidate, paste: Paste, segs: Segments): Scored {
    const { article: a, profile: p } = c
    const matchedSymptoms: MatchedSymptom[] = []
    let bestSymptom = 0
    let phraseWeight = 0 // the most IDF weight of one matched symptom the paste holds
    const chain = this.options.causeLast
    for (const s of p.symptoms) {
      const m = bestSegment(s, segs, this.options)
      if (!m) continue
      // Of messages wrapped in one another on a line, the one ending it is the cause (`tailShare`).
      bestSymptom = Math.max(bestSymptom, chain > 0 ? m.score * (1 - chain * tailShare(s, m.segment, segs)) : m.score)
      // A short quoted message scores less than it matches (its strength); as evidence, what it matched counts.
      if (m.score >= this.options.symptomThreshold * s.strength) phraseWeight = Math.max(phraseWeight, m.weight)
      if (m.score >= this.options.symptomThreshold) matchedSymptoms.push({ symptom: s.text, line: segmentText(paste, m.segment), score: round(m.score, 3) })
    }
    // A sentence of a symptom held word for word is that symptom matched, as much as the sentence is
    // long (`verbatimWords`; never specific on its own); on a line of wrapped messages, less the share
    // of the line after it, as above.
    for (const v of c.verbatim) {
      const score = v.sentence.strength * (1 - (segs.chainLines[v.line] ? chain * v.tail : 0))
      bestSymptom = Math.max(bestSymptom, score)
      matchedSymptoms.push({ symptom: v.sentence.symptom, line: paste.lines[v.line]!.raw, score: round(score, 3) })
    }
    matchedSymptoms.sort((x, y) => y.score - x.score)
    // A symptom and a message it quotes are matched apart; report each symptom once, at its best.
    const reported = matchedSymptoms.filter((m, i) => matchedSymptoms.findIndex((o) => o.symptom === m.symptom) === i)
    const score = c.base + this.options.weights.symptom * bestSymptom
    const hit = {
      id: a.id,
      title: a.title,
      score: round(score),
      confidence: round(this.calibrate(score), 3),
      snippet: '',
      products: a.products,
      tags: a.tags,
      matchedErrorCodes: [...c.matchedCodes].sort(),
      matchedSymptoms: reported.slice(0, 3),
    }
    const o = this.options
    // Socket errors and unspecified HRESULTs end many unrelated problems (a stopped database, a dead upstream, a closed port): they rank, but single out nothing.
    const code = [...c.matchedCodes].some((code) => !isGenericCode(code) && this.codeWeight(code) >= o.codeWeights.unique)
    return { hit, code, phrase: phraseWeight / this.vocab.uniqueIdf }
  }

  /**
   * Whether a hit's evidence is specific to its article (`MatchOptions.specificity`): a shared code
   * no other article lists that says something on its own, or a matched symptom whose terms in the paste
   * weigh at least `phraseUnits` terms only one article holds, `marginUnits` more than the best
   * other hit's (`other`). Common words lining up are not; nor a phrase two articles match alike.
   */
  private isSpecific(s: Scored, other: number): boolean {
    const o = this.options.specificity
    return s.code || (s.phrase >= o.phraseUnits && s.phrase - other >= o.marginUnits)
  }

  /** The matching profile of an article (by number), made on first use. */
  private profile(doc: number): ArticleProfile {
    let p = this.profiles[doc]
    if (!p) {
      p = profileArticle(
        this.kb.articles[doc]!,
        this.kb.codes[doc]!,
        (t) => this.vocab.idf(t),
        this.numbers,
        this.vocab.uniqueIdf,
        this.options,
        this.kb.index.synonyms,
      )
      this.profiles[doc] = p
    }
    return p
  }

  /** The calibrated probability that a result with this raw score is the right one. */
  private calibrate(score: number): number {
    const { slope, intercept } = this.options.calibration
    return 1 / (1 + Math.exp(-(slope * score + intercept)))
  }

  /** A snippet of the article around the paste's terms (built for returned results only). */
  private snippet(id: string, segs: Segments): string {
    const doc = this.docOf.get(id)!
    const article = this.kb.articles[doc]!
    const terms = new Set<string>()
    for (const s of this.profile(doc).symptoms) for (let k = 0; k < s.ids.length; k++) if (segs.byId.has(s.ids[k]!)) terms.add(s.terms[k]!)
    return makeSnippet(article, terms, this.kb.index.synonyms)
  }

  /**
   * How much a shared code says: a code only one article lists says most; a bare HTTP status
   * (`http 500`) says little whatever the KB holds, since many problems end in one.
   */
  private codeWeight(code: string): number {
    const w = this.options.codeWeights
    // A status's reason phrase listed as a code (`"service unavailable"`) says what the status says.
    if (/^http \d{3}$/.test(code) || isHttpReason(code)) return w.httpStatus
    // Words an author listed as a code (`"service unavailable"`) are a phrase: they say what common words say.
    if (/^"[a-z]+(?: [a-z]+)+"$/.test(code)) return w.common
    if (isUnspecifiedName(code)) return w.common // `UnknownError` in a status column: "it failed", as common words say
    if (/^"\d{1,3}"$/.test(code)) return w.shortNumber // a short number listed as a code, seen after "code", "status"…
    const df = this.byCode.get(code)?.length ?? 1
    return df <= 1 ? w.unique : df <= w.rareUpTo ? w.rare : w.common
  }
}

/** A scored hit, and its evidence specific to its article (`Matcher.isSpecific`). */
interface Scored {
  hit: MatchHit
  /** It shares a code with the paste that no other article lists and that says something on its own. */
  code: boolean
  /** The weight of its best matched symptom's terms in the paste, in units of a term only one article holds. */
  phrase: number
}

/** Slack under the k-th best score when skipping candidates by their bound: scores are rounded, ties go by id. */
const BOUND_SLACK = 1e-3

/** Marks of a line copied from a log or a stack trace rather than typed: its words are as the program wrote them. */
const COPIED = /\b\d{1,2}:\d{2}:\d{2}\b|\b(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|SEVERE)\b|^\s*at\s+[\w.$<>]+\(|\b\w+\.\w+Exception\b/

/** The lines of a paste an answer reports as the error (and the events store): the five most error-like at or above `errorLineAt`. */
export function errorLinesOf(paste: Paste, errorLineAt: number): string[] {
  return [...paste.lines]
    .filter((l) => l.errorLike >= errorLineAt)
    .sort((a, b) => b.errorLike - a.errorLike)
    .slice(0, 5)
    .map((l) => l.raw)
}

/** True when paste and article name codes of the same specific kind, but share none of them. */
export function codeConflict(pasteCodes: readonly string[], articleCodes: ReadonlySet<string>): boolean {
  return kindsConflict(codesByKind(pasteCodes), codesByKind(articleCodes), articleCodes)
}

/**
 * A sentence the paste holds that several candidates' symptoms hold word for word ("fatal: Could not
 * read from remote repository." ends many git problems) tells none of them apart: only a sentence
 * one candidate holds counts (bounds updated to match).
 */
function keepDistinctVerbatim(candidates: Candidate[], symptomWeight: number): void {
  const holders = new Map<string, number>()
  for (const c of candidates) for (const v of c.verbatim) holders.set(v.sentence.key, (holders.get(v.sentence.key) ?? 0) + 1)
  for (const c of candidates) {
    if (c.verbatim.length === 0) continue
    c.verbatim = c.verbatim.filter((v) => holders.get(v.sentence.key) === 1)
    c.bound = c.base + symptomWeight * Math.max(c.symptomBound, verbatimBound(c.verbatim))
  }
}

/** The most a candidate's verbatim sentences can add to its symptom part. */
function verbatimBound(verbatim: Candidate['verbatim']): number {
  return verbatim.reduce((most, v) => Math.max(most, v.sentence.strength), 0)
}

/** Whether a sorted array holds a number (binary search: an article's symptom terms are tens, a paste's query terms 16). */
function hasSorted(sorted: Int32Array, n: number): boolean {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < n) lo = mid + 1
    else hi = mid
  }
  return lo < sorted.length && sorted[lo] === n
}

/** The paste as compared with symptoms' sentences verbatim (`verbatimWords`). */
interface PasteText {
  text: string
  lower: string
  verbatim: PasteSentences
}

/** The pasted lines compared with symptoms' sentences: each as a `sentenceKey` (padded with spaces), and every word of them. */
interface PasteSentences {
  lines: Array<{ line: number; key: string }>
  words: Set<string>
}

/** Where a paste holds a sentence word for word: its line, and the share of that line's text after it. */
interface VerbatimFound {
  line: number
  tail: number
}

/** The lines compared with symptoms (`segs`: of a long paste, those richest in the query's terms), as compared with sentences verbatim. */
function pasteSentences(paste: Paste, segs: Segments): PasteSentences {
  const lines = segs.list.filter((seg) => seg.count === 1).map((seg) => ({ line: seg.first, key: ` ${sentenceKey(paste.lines[seg.first]!.raw)} ` }))
  return { lines, words: new Set(lines.flatMap((l) => l.key.split(' '))) }
}

/** Where the paste holds a sentence word for word: the first compared line holding its key. */
function findVerbatim(pasted: PasteSentences, s: VerbatimSentence): VerbatimFound | undefined {
  for (const { line, key } of pasted.lines) {
    const at = key.indexOf(` ${s.key} `)
    if (at >= 0) return { line, tail: (key.length - at - s.key.length - 2) / key.length }
  }
  return undefined
}
