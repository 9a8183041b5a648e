/**
 * Symptom matching: from a paste to ranked articles, each with the reason it matched, or an
 * honest "nothing fits". Candidates come from Lunr (query builder only, never the string parser,
 * with the paste's most informative terms); they are re-ranked by how well the paste matches each
 * article's own symptom strings and error codes.
 */
import type { LoadedArtifact } from '../indexing/artifact.js'
import type { KbArticle } from '../indexing/article.js'
import { type ArticleFilter, matchesFilter } from '../search/filters.js'
import { makeSnippet } from '../search/snippet.js'
import { round } from '../search/search.js'
import { readPaste, type Paste, type PasteLine } from './paste.js'
import { GAP, profileArticle, type ArticleProfile, type SymptomProfile } from './profile.js'
import { Vocabulary } from './vocabulary.js'

/** Tunables of the matcher, each with its default. */
export const MATCH_DEFAULTS = {
  /** Most terms taken from a paste into the candidate query. */
  maxQueryTerms: 32,
  /** Candidates re-ranked. */
  candidates: 40,
  /** Below this confidence the best result is not presented as the answer. */
  confidenceThreshold: 0.45,
  /** A symptom counts as matched at or above this similarity. */
  symptomThreshold: 0.5,
}

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
  signals: { errorCodes: string[]; terms: string[]; errorLines: string[] }
  results: MatchHit[]
}

/** A matcher bound to one loaded artifact; prepared once, used for every request. */
export class Matcher {
  private readonly vocab: Vocabulary
  private readonly profiles: Map<string, ArticleProfile>
  private readonly byCode = new Map<string, string[]>()

  constructor(
    private readonly kb: LoadedArtifact,
    private readonly options = MATCH_DEFAULTS,
  ) {
    this.vocab = new Vocabulary(kb.index, kb.articles.length)
    this.profiles = new Map(kb.articles.map((a) => [a.id, profileArticle(a)]))
    for (const p of this.profiles.values()) {
      for (const c of p.codes) this.byCode.set(c, [...(this.byCode.get(c) ?? []), p.id])
    }
  }

  /** Match a paste against the KB. */
  match(params: MatchParams): MatchResult {
    const paste = readPaste(params.text)
    const weights = this.termWeights(paste)
    const queryTerms = [...weights.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, this.options.maxQueryTerms)
    const hits = queryTerms.length === 0 ? [] : this.kb.index.query((q) => {
      for (const [term, w] of queryTerms) q.term(term, { usePipeline: false, boost: w })
    })
    const lunrScore = new Map<string, number>(hits.slice(0, this.options.candidates).map((h) => [h.ref, h.score]))
    for (const code of paste.codes) for (const id of this.byCode.get(code) ?? []) if (!lunrScore.has(id)) lunrScore.set(id, 0)
    const top = Math.max(1e-9, ...lunrScore.values())
    const queryTermSet = new Set(queryTerms.map(([t]) => t))

    const scored: MatchHit[] = []
    for (const [id, ls] of lunrScore) {
      const article = this.kb.byId.get(id)
      const profile = this.profiles.get(id)
      if (!article || !profile || !matchesFilter(article, params)) continue
      scored.push(this.scoreArticle(article, profile, paste, ls / top, queryTermSet))
    }
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    const results = scored.slice(0, params.limit)
    return {
      noConfidentMatch: !results[0] || results[0].confidence < this.options.confidenceThreshold,
      signals: {
        errorCodes: paste.codes,
        terms: queryTerms.map(([t]) => t),
        errorLines: [...paste.lines].filter((l) => l.errorLike >= 0.5).sort((a, b) => b.errorLike - a.errorLike).slice(0, 5).map((l) => l.raw),
      },
      results,
    }
  }

  /** Weight each known term by its rarity in the KB and by how error-like its best line is. */
  private termWeights(paste: Paste): Map<string, number> {
    const w = new Map<string, number>()
    for (const line of paste.lines) {
      const lineWeight = 0.5 + line.errorLike
      for (const t of line.termSet) {
        const idf = this.vocab.idf(t)
        if (idf === 0) continue
        const v = idf * lineWeight
        if (v > (w.get(t) ?? 0)) w.set(t, v)
      }
    }
    return w
  }

  private scoreArticle(a: KbArticle, p: ArticleProfile, paste: Paste, lunrRel: number, queryTerms: Set<string>): MatchHit {
    const matchedSymptoms: MatchedSymptom[] = []
    let bestSymptom = 0
    for (const s of p.symptoms) {
      const m = this.bestLine(s, paste.lines)
      if (!m) continue
      bestSymptom = Math.max(bestSymptom, m.score)
      if (m.score >= this.options.symptomThreshold) matchedSymptoms.push({ symptom: s.text, line: m.line.raw, score: round(m.score, 3) })
    }
    matchedSymptoms.sort((x, y) => y.score - x.score)

    const pasteText = paste.lines.map((l) => l.normalized.toLowerCase()).join('\n')
    const matchedCodes = new Set(paste.codes.filter((c) => p.codes.has(c)))
    for (const lit of p.literalCodes) if (pasteText.includes(lit)) matchedCodes.add(lit)
    let codeScore = 0
    for (const c of matchedCodes) {
      const df = this.byCode.get(c)?.length ?? 1
      codeScore = Math.max(codeScore, df <= 1 ? 1 : df <= 3 ? 0.75 : 0.45)
    }

    const score = 0.55 * bestSymptom + 0.3 * codeScore + 0.15 * lunrRel
    const matchedTerms = new Set([...queryTerms].filter((t) => p.symptoms.some((s) => s.termSet.has(t))))
    return {
      id: a.id,
      title: a.title,
      score: round(score),
      confidence: round(Math.min(1, score), 3),
      snippet: makeSnippet(a, matchedTerms),
      products: a.products,
      tags: a.tags,
      matchedErrorCodes: [...matchedCodes].sort(),
      matchedSymptoms: matchedSymptoms.slice(0, 3),
    }
  }

  /** The pasted line that best matches a symptom, with the similarity (0..1). */
  private bestLine(s: SymptomProfile, lines: PasteLine[]): { line: PasteLine; score: number } | undefined {
    let best: { line: PasteLine; score: number } | undefined
    for (const line of lines) {
      const sc = this.similarity(s, line)
      if (sc > (best?.score ?? 0)) best = { line, score: sc }
    }
    return best
  }

  /** IDF-weighted share of the symptom's terms found in the line, blended with shared word order. */
  private similarity(s: SymptomProfile, line: PasteLine): number {
    let total = 0
    let hit = 0
    for (const t of s.termSet) {
      const w = this.vocab.idf(t) || 1
      total += w
      if (line.termSet.has(t)) hit += w
    }
    if (total === 0 || hit === 0) return 0
    const coverage = hit / total
    const sb = bigrams(s.terms)
    if (sb.size === 0) return coverage
    const lb = bigrams(line.terms)
    let shared = 0
    for (const b of sb) if (lb.has(b)) shared++
    return 0.75 * coverage + 0.25 * (shared / sb.size)
  }
}

function bigrams(terms: string[]): Set<string> {
  const out = new Set<string>()
  for (let i = 1; i < terms.length; i++) if (terms[i - 1] !== GAP && terms[i] !== GAP) out.add(`${terms[i - 1]} ${terms[i]}`)
  return out
}

