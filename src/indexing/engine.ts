/**
 * The search engine over a Lunr-built index, stored compactly.
 *
 * Lunr builds the index: its pipeline analyzes the text and its builder computes a BM25 weight
 * for every (term, field, article), rounded to 3 decimals. Lunr's own serialization of that index
 * keeps an object per posting and loads slowly, and its query evaluation allocates sets and
 * vectors per clause; at thousands of articles both dominate. So the artifact keeps Lunr's
 * weights as integer postings (term -> [article, field, weight×1000, ...]) and this class
 * evaluates queries over them with Lunr's semantics and Lunr's scoring: a document's score is the
 * sum over fields of (query vector · field vector) / |query vector|, required terms must match,
 * prohibited ones exclude. Query syntax is still parsed by Lunr's QueryParser, and wildcard and
 * fuzzy terms are expanded with Lunr's TokenSet (built on first use).
 */
import lunr from 'lunr'
import { analyzeToken } from '../analysis/terms.js'

/** The serialized form, as stored in the artifact. */
export interface CompactIndex {
  fields: string[]
  docCount: number
  /** Sorted index terms. */
  terms: string[]
  /** Per term: flat [article, field, weight×1000] triples, sorted by article then field. */
  postings: number[][]
}

/** One query clause, as Lunr's Query builds it. */
export interface Clause {
  term: string
  fields: readonly number[]
  boost: number
  usePipeline: boolean
  wildcard: number
  editDistance: number
  presence: number
}

/** One hit: the article's position in the artifact and its score. */
export interface EngineHit {
  doc: number
  score: number
}

/** How many documents matched, the best of them first, and the index terms of the query a document holds (asked for shown hits only). */
export interface EngineResult {
  total: number
  hits: EngineHit[]
  terms(doc: number): string[]
}

// Parts of Lunr's runtime that its type definitions leave out.
interface TokenSetLike {
  intersect(other: TokenSetLike): TokenSetLike
  toArray(): string[]
}
const Lunr = lunr as unknown as {
  QueryParser: new (q: string, query: lunr.Query) => { parse(): lunr.Query }
  TokenSet: {
    fromArray(sorted: string[]): TokenSetLike
    fromFuzzyString(term: string, distance: number): TokenSetLike
    fromClause(clause: object): TokenSetLike
  }
}
type LunrClause = lunr.Query.Clause & { presence?: number }

const REQUIRED = lunr.Query.presence.REQUIRED
const PROHIBITED = lunr.Query.presence.PROHIBITED

interface LunrInternals {
  invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>
  fieldVectors: Record<string, { elements: number[] }>
  calculateAverageFieldLengths(): void
  createFieldVectors(): void
}

/** Take a Lunr builder that has all documents, compute its field vectors, and store them compactly. */
export function compactFromBuilder(builder: lunr.Builder, fields: readonly string[], refs: readonly string[]): CompactIndex {
  const b = builder as unknown as LunrInternals
  b.calculateAverageFieldLengths()
  b.createFieldVectors()
  const terms = Object.keys(b.invertedIndex).sort()
  const byLunrIndex = new Map<number, number>()
  terms.forEach((t, i) => byLunrIndex.set(b.invertedIndex[t]!._index, i))
  const docOf = new Map(refs.map((r, i) => [r, i]))
  const fieldOf = new Map(fields.map((f, i) => [f, i]))
  const postings: number[][] = terms.map(() => [])
  for (const [fieldRef, vector] of Object.entries(b.fieldVectors)) {
    const slash = fieldRef.indexOf('/')
    const field = fieldOf.get(fieldRef.slice(0, slash))!
    const doc = docOf.get(fieldRef.slice(slash + 1))!
    const el = vector.elements
    for (let i = 0; i < el.length; i += 2) postings[byLunrIndex.get(el[i]!)!]!.push(doc, field, Math.round(el[i + 1]! * 1000))
  }
  for (const p of postings) {
    const triples: number[][] = []
    for (let i = 0; i < p.length; i += 3) triples.push([p[i]!, p[i + 1]!, p[i + 2]!])
    triples.sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!)
    p.length = 0
    for (const t of triples) p.push(...t)
  }
  return { fields: [...fields], docCount: refs.length, terms, postings }
}

/** A loaded index, ready for queries. */
export class SearchEngine {
  readonly fields: readonly string[]
  readonly docCount: number
  private readonly terms: readonly string[]
  private readonly termId: Map<string, number>
  private readonly offsets: Uint32Array
  private readonly data: Int32Array
  private readonly df: Uint32Array
  private tokenSet: TokenSetLike | undefined
  private dot = new Float64Array(0)
  private seen = new Uint8Array(0)

  constructor(c: CompactIndex) {
    this.fields = c.fields
    this.docCount = c.docCount
    this.terms = c.terms
    this.termId = new Map(c.terms.map((t, i) => [t, i]))
    this.offsets = new Uint32Array(c.terms.length + 1)
    let total = 0
    c.postings.forEach((p, i) => {
      this.offsets[i] = total
      total += p.length
    })
    this.offsets[c.terms.length] = total
    this.data = new Int32Array(total)
    this.df = new Uint32Array(c.terms.length)
    c.postings.forEach((p, i) => {
      this.data.set(p, this.offsets[i])
      let n = 0
      for (let j = 0; j < p.length; j += 3) if (j === 0 || p[j] !== p[j - 3]) n++
      this.df[i] = n
    })
  }

  /** True when the index holds the term (in index form). */
  has(term: string): boolean {
    return this.termId.has(term)
  }

  /** How many articles contain the term in any field. */
  docFreq(term: string): number {
    const id = this.termId.get(term)
    return id === undefined ? 0 : this.df[id]!
  }

  /** Index terms within `distance` edits of a term. */
  fuzzy(term: string, distance: number): string[] {
    // The index's set first: Lunr's intersect reads wildcards from its argument.
    return this.allTerms().intersect(Lunr.TokenSet.fromFuzzyString(term, distance)).toArray()
  }

  /** Run a query in Lunr syntax; throws lunr.QueryParseError on invalid syntax. */
  search(q: string, opts: { topK?: number; accept?: (doc: number) => boolean } = {}): EngineResult {
    const query = new lunr.Query([...this.fields])
    new Lunr.QueryParser(q, query).parse()
    return this.evaluate(query.clauses.map((c) => this.toClause(c as LunrClause)), opts)
  }

  /**
   * Score the documents for a list of clauses. Returns how many documents match (and pass
   * `accept`), and the best `topK` of them, best first (ties: artifact order): selecting a page
   * from thousands of matches does not need them all sorted.
   */
  evaluate(clauses: readonly Clause[], opts: { topK?: number; accept?: (doc: number) => boolean } = {}): EngineResult {
    const topK = opts.topK ?? Number.POSITIVE_INFINITY
    const F = this.fields.length
    // Per query: one score cell per (document, field), reused across queries; only touched
    // documents are visited and cleared. Evaluation is synchronous, so sharing is safe.
    if (this.dot.length < this.docCount * F) this.dot = new Float64Array(this.docCount * F)
    const dot = this.dot
    const touched: number[] = []
    const seen = (this.seen = this.seen.length < this.docCount ? new Uint8Array(this.docCount) : this.seen)
    const queryWeights: Array<Map<number, number>> = Array.from({ length: F }, () => new Map())
    const required: Array<Set<number>> = []
    const prohibited = new Set<number>()
    const positiveTerms = new Set<number>()
    // A query of prohibited terms only matches every other document, as Lunr's isNegated().
    const negated = clauses.length > 0 && clauses.every((c) => c.presence === PROHIBITED)

    for (const clause of clauses) {
      const inField = new Uint8Array(F)
      for (const f of clause.fields) inField[f] = 1
      const clauseDocs = clause.presence === REQUIRED ? new Set<number>() : undefined
      const terms = clause.usePipeline ? analyzeToken(clause.term) : [clause.term]
      let missingRequired = false
      for (const term of terms) {
        const expanded = clause.wildcard || clause.editDistance || term.includes('*') ? this.expand(term, clause) : this.has(term) ? [term] : []
        if (expanded.length === 0 && clause.presence === REQUIRED) missingRequired = true
        for (const e of expanded) {
          const id = this.termId.get(e)!
          if (clause.presence !== PROHIBITED) {
            positiveTerms.add(id)
            for (const f of clause.fields) queryWeights[f]!.set(id, (queryWeights[f]!.get(id) ?? 0) + clause.boost)
          }
          for (let i = this.offsets[id]!, end = this.offsets[id + 1]!; i < end; i += 3) {
            const doc = this.data[i]!
            const field = this.data[i + 1]!
            if (!inField[field]) continue
            if (clause.presence === PROHIBITED) {
              prohibited.add(doc)
              continue
            }
            clauseDocs?.add(doc)
            if (!seen[doc]) {
              seen[doc] = 1
              touched.push(doc)
            }
            dot[doc * F + field]! += (clause.boost * this.data[i + 2]!) / 1000
          }
        }
      }
      if (clauseDocs) required.push(missingRequired ? new Set() : clauseDocs)
    }

    const norm = queryWeights.map((w) => Math.sqrt([...w.values()].reduce((sum, v) => sum + v * v, 0)))
    const keep = (doc: number) => !prohibited.has(doc) && required.every((r) => r.has(doc)) && (!opts.accept || opts.accept(doc))
    const top = new TopK(topK)
    let total = 0
    if (negated) {
      for (let doc = 0; doc < this.docCount; doc++) if (keep(doc)) (total++, top.offer(doc, 0))
    }
    for (const doc of touched) {
      let score = 0
      for (let f = 0; f < F; f++) {
        const d = dot[doc * F + f]!
        if (d !== 0 && norm[f]! > 0) score += d / norm[f]!
        dot[doc * F + f] = 0
      }
      seen[doc] = 0
      if (keep(doc)) {
        total++
        top.offer(doc, score)
      }
    }
    const termIds = [...positiveTerms].sort((a, b) => a - b)
    return { total, hits: top.sorted(), terms: (doc) => termIds.filter((id) => this.holds(id, doc)).map((id) => this.terms[id]!) }
  }

  /** True when a term's postings hold a document (postings are sorted by document). */
  private holds(termId: number, doc: number): boolean {
    let lo = this.offsets[termId]! / 3
    let hi = this.offsets[termId + 1]! / 3 - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const d = this.data[mid * 3]!
      if (d === doc) return true
      if (d < doc) lo = mid + 1
      else hi = mid - 1
    }
    return false
  }

  /** A clause of a Lunr Query, with field names turned into positions. */
  private toClause(c: LunrClause): Clause {
    return {
      term: c.term,
      fields: (c.fields ?? this.fields).map((f) => this.fields.indexOf(f)).filter((i) => i >= 0),
      boost: c.boost ?? 1,
      usePipeline: c.usePipeline !== false,
      wildcard: c.wildcard ?? 0,
      editDistance: c.editDistance ?? 0,
      presence: c.presence ?? lunr.Query.presence.OPTIONAL,
    }
  }

  /** Index terms a wildcard or fuzzy clause stands for, with Lunr's TokenSet. */
  private expand(term: string, clause: Clause): string[] {
    // As Lunr: a fuzzy term only when an edit distance is given, else `*` wildcards in the string.
    const set = Lunr.TokenSet.fromClause(clause.editDistance ? { term, editDistance: clause.editDistance } : { term })
    return this.allTerms().intersect(set).toArray()
  }

  /** All index terms as a Lunr TokenSet, built the first time a wildcard or fuzzy term needs it. */
  private allTerms(): TokenSetLike {
    this.tokenSet ??= Lunr.TokenSet.fromArray([...this.terms])
    return this.tokenSet
  }
}

/** The best k hits seen so far: a binary min-heap on (score, then later document). */
class TopK {
  private readonly heap: EngineHit[] = []
  constructor(private readonly k: number) {}

  /** Consider one hit. */
  offer(doc: number, score: number): void {
    if (this.k <= 0) return
    const h = this.heap
    if (h.length < this.k) {
      h.push({ doc, score })
      this.up(h.length - 1)
    } else if (worse(h[0]!, { doc, score })) {
      h[0] = { doc, score }
      this.down(0)
    }
  }

  /** The kept hits, best first, ties by document order. */
  sorted(): EngineHit[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.doc - b.doc)
  }

  private up(i: number): void {
    const h = this.heap
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!worse(h[i]!, h[p]!)) break
      ;[h[i], h[p]] = [h[p]!, h[i]!]
      i = p
    }
  }

  private down(i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && worse(h[l]!, h[m]!)) m = l
      if (r < h.length && worse(h[r]!, h[m]!)) m = r
      if (m === i) return
      ;[h[i], h[m]] = [h[m]!, h[i]!]
      i = m
    }
  }
}

/** True when hit a ranks below hit b (lower score, or same score and later in the artifact). */
function worse(a: EngineHit, b: EngineHit): boolean {
  return a.score < b.score || (a.score === b.score && a.doc > b.doc)
}
