/**
 * The search engine over a Lunr-built index, stored compactly.
 *
 * Lunr builds the index: its pipeline analyzes the text and its builder computes a BM25 weight
 * for every (term, field, article), rounded to 3 decimals. Lunr's own serialization of that index
 * keeps an object per posting and loads slowly, and its query evaluation allocates sets and
 * vectors per clause; at thousands of articles both dominate. So the artifact keeps Lunr's
 * weights as integer postings (term -> [article, field, weight×1000, ...]), summed over fields per
 * article at load for queries that ask every field, and this class
 * evaluates queries over them with Lunr's semantics and Lunr's scoring: a document's score is the
 * sum over fields of (query vector · field vector) / |query vector|, required terms must match,
 * prohibited ones exclude. Query syntax is still parsed by Lunr's QueryParser. Wildcard and
 * fuzzy terms stand for the index terms Lunr's TokenSet would find, found by a bounded walk of the
 * sorted term list (expand.ts), or for a trailing `*` a range of it: Lunr's own expansion builds
 * a TokenSet of every term (half a second at 60,000 terms) and a fuzzy automaton that grows
 * exponentially with the edit distance.
 *
 * Every search has a bounded cost (LIMITS): an edit distance, a fuzzy or wildcard term's length and
 * a count of terms over their limits are refused (QueryLimitError), and the expansions of one
 * query share a budget of index terms and of walk steps, past which the result says `partial`.
 */
import lunr from 'lunr'
import { analyzeToken } from '../analysis/terms.js'
import { LIMITS, type LimitName } from '../../limits.js'
import { type ExpansionBudget, fuzzyAutomaton, walkTerms, wildcardAutomaton } from './expand.js'

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

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Keep only the best k hits (all when absent). */
  topK?: number
  /** Documents to leave out (filters). */
  accept?: (doc: number) => boolean
  /** False when only the top k matter: allows max-score pruning, and `total` then counts the documents scored. */
  exactTotal?: boolean
}

/** A clause's term as the evaluation plans it. */
interface PlannedTerm {
  id: number
  inField: Uint8Array
  fields: readonly number[]
  boost: number
  presence: number
  /** 1-based number of the required clause the term stands for; 0 when the clause is not required. */
  clauseNo: number
  /** Upper bound of what the term adds to one document's score. */
  bound: number
}

/** One hit: the article's position in the artifact and its score. */
export interface EngineHit {
  doc: number
  score: number
}

/**
 * How many documents matched, the best of them first, and the index terms of the query a document
 * holds (asked for shown hits only). `partial`: wildcard or fuzzy terms stood for more index terms
 * than the query's budget (LIMITS.queryExpansions, LIMITS.expansionSteps); the result is that of
 * the terms found within it.
 */
export interface EngineResult {
  total: number
  hits: EngineHit[]
  terms(doc: number): string[]
  partial: boolean
}

/** A query over one of the limits of a search (LIMITS): refused before any work, with a message naming the limit and its value. */
export class QueryLimitError extends Error {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message)
    this.name = 'QueryLimitError'
  }
}

// Parts of Lunr's runtime that its type definitions leave out.
const Lunr = lunr as unknown as {
  QueryParser: new (q: string, query: lunr.Query) => { parse(): lunr.Query }
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

/** An engine's arrays (in SharedArrayBuffers, so a worker thread can use them without a copy). */
export interface EngineParts {
  fields: string[]
  docCount: number
  terms: string[]
  /** Per term: where its postings start in `data` (one more entry at the end). */
  offsets: Uint32Array
  /** All postings: [article, field, weight×1000] triples. */
  data: Int32Array
  /** Per term: how many articles hold it. */
  df: Uint32Array
  /** Per (term, field): the largest weight in the postings, bounding what a term can add to a score. */
  maxWeight: Int32Array
  /** Per term: where its per-article postings start in `docData` (one more entry at the end). */
  docOffsets: Uint32Array
  /** The postings summed over fields: [article, weight×1000] pairs, for queries asking every field. */
  docData: Int32Array
  /** Per term: the largest weight in `docData`. */
  docMaxWeight: Int32Array
}

/** Lay the compact index out in typed arrays over shared memory, with per-term statistics. */
function toParts(c: CompactIndex): EngineParts {
  const shared = <T>(Kind: new (buffer: SharedArrayBuffer) => T, bytesPer: number, n: number) => new Kind(new SharedArrayBuffer(Math.max(1, n) * bytesPer))
  const offsets = shared(Uint32Array, 4, c.terms.length + 1)
  let total = 0
  c.postings.forEach((p, i) => {
    offsets[i] = total
    total += p.length
  })
  offsets[c.terms.length] = total
  const data = shared(Int32Array, 4, total)
  const df = shared(Uint32Array, 4, c.terms.length)
  c.postings.forEach((p, i) => {
    data.set(p, offsets[i])
    let n = 0
    for (let j = 0; j < p.length; j += 3) if (j === 0 || p[j] !== p[j - 3]) n++
    df[i] = n
  })
  const F = c.fields.length
  const maxWeight = shared(Int32Array, 4, c.terms.length * F)
  for (let t = 0; t < c.terms.length; t++) {
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 3) {
      const cell = t * F + data[i + 1]!
      if (data[i + 2]! > maxWeight[cell]!) maxWeight[cell] = data[i + 2]!
    }
  }
  // A query asking every term in every field (every match, most searches) scores each article by
  // its weights summed over fields: one posting per (term, article) instead of one per field.
  const docOffsets = shared(Uint32Array, 4, c.terms.length + 1)
  let pairs = 0
  for (let t = 0; t < c.terms.length; t++) {
    docOffsets[t] = pairs
    pairs += 2 * df[t]!
  }
  docOffsets[c.terms.length] = pairs
  const docData = shared(Int32Array, 4, pairs)
  const docMaxWeight = shared(Int32Array, 4, c.terms.length)
  for (let t = 0, at = 0; t < c.terms.length; t++) {
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 3) {
      if (i === offsets[t] || data[i] !== data[i - 3]) {
        docData[at] = data[i]!
        at += 2
      }
      docData[at - 1]! += data[i + 2]!
    }
    for (let i = docOffsets[t]! + 1; i < docOffsets[t + 1]!; i += 2) if (docData[i]! > docMaxWeight[t]!) docMaxWeight[t] = docData[i]!
  }
  return { fields: c.fields, docCount: c.docCount, terms: c.terms, offsets, data, df, maxWeight, docOffsets, docData, docMaxWeight }
}

/** Postings to walk: the array, where each term's start, and how many numbers one posting takes ([article, field, weight] or [article, weight]). */
interface Postings {
  data: Int32Array
  offsets: Uint32Array
  stride: 2 | 3
}

/** A loaded index, ready for queries. */
export class SearchEngine {
  readonly fields: readonly string[]
  readonly docCount: number
  private readonly terms: readonly string[]
  private readonly termId: Map<string, number>
  private readonly df: Uint32Array
  /** The length of the longest index term: a longer word is more edits than that length difference from every term. */
  private readonly longestTerm: number
  /** The characters index terms are made of (what one edit can insert or substitute), the letters among them, and the longest term of letters only. */
  private alphabet: { all: string[]; letters: string[]; longestWord: number } | undefined
  /** Per (term, field): the largest weight in the postings, bounding what a term can add to a score. */
  private readonly maxWeight: Int32Array
  private readonly docMaxWeight: Int32Array
  /** Postings by (term, article, field), and summed over fields by (term, article). */
  private readonly byField: Postings
  private readonly byDoc: Postings
  /** The documents of each common term (document frequency of at least 1/32 of the documents), as bits. */
  private readonly docBits = new Map<number, Uint32Array>()
  private score = new Float64Array(0)
  private seen = new Uint8Array(0)
  /** Per document, which of (up to 32) pruned-query terms it holds: the hits' matched terms without a lookup each. */
  private termMask = new Uint32Array(0)
  private touched = new Int32Array(0)
  private requiredMet = new Uint16Array(0)
  private clauseOf = new Uint16Array(0)
  private banned = new Uint8Array(0)
  private matchBits = new Uint32Array(0)
  /** kthLargest's heap, reused: it runs after most terms of a pruned query. */
  private kthHeap = new Float64Array(0)

  /** From the artifact's compact index, or from the parts of an engine built elsewhere (shared memory). */
  constructor(c: CompactIndex | EngineParts) {
    this.fields = c.fields
    this.docCount = c.docCount
    this.terms = c.terms
    this.termId = new Map(c.terms.map((t, i) => [t, i]))
    this.longestTerm = c.terms.reduce((n, t) => Math.max(n, t.length), 0)
    const parts = 'postings' in c ? toParts(c) : c
    this.df = parts.df
    this.maxWeight = parts.maxWeight
    this.docMaxWeight = parts.docMaxWeight
    this.byField = { data: parts.data, offsets: parts.offsets, stride: 3 }
    this.byDoc = { data: parts.docData, offsets: parts.docOffsets, stride: 2 }
    // Common terms also as bitsets of documents: counting the matches of a query that holds them
    // is then an OR of a few hundred words, not a walk of their (long) postings.
    const words = Math.ceil(c.docCount / 32)
    const minDf = Math.max(8, words)
    for (let t = 0; t < c.terms.length; t++) {
      if (this.df[t]! < minDf) continue
      const bits = new Uint32Array(words)
      const { data, offsets } = this.byDoc
      for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 2) bits[data[i]! >>> 5]! |= 1 << (data[i]! & 31)
      this.docBits.set(t, bits)
    }
  }

  /** What another thread needs to build the same engine; the arrays are in shared memory, so nothing is copied. */
  parts(): EngineParts {
    return { fields: [...this.fields], docCount: this.docCount, terms: [...this.terms], offsets: this.byField.offsets, data: this.byField.data, df: this.df, maxWeight: this.maxWeight, docOffsets: this.byDoc.offsets, docData: this.byDoc.data, docMaxWeight: this.docMaxWeight }
  }

  /** True when the index holds the term (in index form). */
  has(term: string): boolean {
    return this.termId.has(term)
  }

  /** How many distinct terms the index holds; their numbers are 0 to termCount - 1. */
  get termCount(): number {
    return this.terms.length
  }

  /** The index's number for a term (in index form), or -1 when the index lacks it. */
  idOf(term: string): number {
    return this.termId.get(term) ?? -1
  }

  /** How many articles contain the term of this number (from `idOf`) in any field. */
  docFreqOf(id: number): number {
    return this.df[id] ?? 0
  }

  /** How many articles contain the term in any field. */
  docFreq(term: string): number {
    return this.docFreqOf(this.idOf(term))
  }

  /** Index terms within `distance` edits of a term, in order, as Lunr's TokenSet finds them; at most as many, and as much work, as the budget allows. */
  fuzzy(term: string, distance: number, budget: ExpansionBudget = unbounded()): string[] {
    // Deleting more than `distance` characters is needed to reach any index term.
    if (term.length - distance > this.longestTerm) return []
    return walkTerms(this.terms, fuzzyAutomaton(term, distance), budget)
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
   *
   * With `exactTotal: false` and only optional clauses, terms are scored rarest-impact first and
   * the common terms stop adding new documents once no document they alone could bring can reach
   * the top k (max-score pruning): the hits are the same, `total` counts only the documents scored.
   */
  evaluate(clauses: readonly Clause[], opts: EvaluateOptions = {}): EngineResult {
    checkLimits(clauses)
    const topK = opts.topK ?? Number.POSITIVE_INFINITY
    const budget: ExpansionBudget = { terms: LIMITS.queryExpansions, steps: LIMITS.expansionSteps, cut: false }
    const F = this.fields.length
    // Pass 1: what each clause stands for in the index, and the query vector's norm per field.
    const plan: PlannedTerm[] = []
    const queryWeights: Array<Map<number, number>> = Array.from({ length: F }, () => new Map())
    const positiveTerms = new Set<number>()
    let requiredClauses = 0
    let impossible = false // a required clause that no index term satisfies
    // A query of prohibited terms only matches every other document, as Lunr's isNegated().
    const negated = clauses.length > 0 && clauses.every((c) => c.presence === PROHIBITED)
    for (const clause of clauses) {
      const inField = new Uint8Array(F)
      for (const f of clause.fields) inField[f] = 1
      const clauseNo = clause.presence === REQUIRED ? ++requiredClauses : 0
      const terms = clause.usePipeline ? analyzeToken(clause.term) : [clause.term]
      for (const term of terms) {
        const expanded = clause.wildcard || clause.editDistance || term.includes('*') ? this.expand(term, clause, budget) : this.has(term) ? [term] : []
        if (expanded.length === 0 && clause.presence === REQUIRED) impossible = true
        for (const e of expanded) {
          const id = this.termId.get(e)!
          if (clause.presence !== PROHIBITED) {
            positiveTerms.add(id)
            for (const f of clause.fields) queryWeights[f]!.set(id, (queryWeights[f]!.get(id) ?? 0) + clause.boost)
          }
          plan.push({ id, inField, fields: clause.fields, boost: clause.boost, presence: clause.presence, clauseNo, bound: 0 })
        }
      }
    }
    // Lunr's score: sum over fields of (query · field vector) / |query in that field|; weights are stored ×1000.
    const scale = queryWeights.map((w) => {
      const norm = Math.sqrt([...w.values()].reduce((sum, v) => sum + v * v, 0))
      return norm > 0 ? 1 / (1000 * norm) : 0
    })
    // Every term asked in every field: every field has the same scale, and a document's weights
    // are read summed over fields (one posting per article, not per field).
    const whole = plan.length > 0 && plan.every((t) => t.fields.length === F)
    const postings = whole ? this.byDoc : this.byField
    // The most a term can add to one document: its largest weight in each field it is asked in, or
    // its largest summed weight. Both evaluations add terms up in this order and read the same
    // postings, so they give bit-identical scores.
    for (const t of plan) {
      let b = 0
      if (whole) b = this.docMaxWeight[t.id]! * scale[0]!
      else for (const f of t.fields) b += this.maxWeight[t.id * F + f]! * scale[f]!
      t.bound = t.boost * b * (1 + 1e-9)
    }
    plan.sort((a, b) => b.bound - a.bound || a.id - b.id)
    const termIds = [...positiveTerms].sort((a, b) => a - b)
    const terms = (doc: number) => termIds.filter((id) => this.holds(id, doc)).map((id) => this.terms[id]!)
    // Only the top k wanted and only optional terms: max-score pruning. The count of matches is
    // then taken apart (bitsets), which needs every term asked in every field and no filter.
    if (Number.isFinite(topK) && plan.every((t) => t.presence !== REQUIRED && t.presence !== PROHIBITED)) {
      if (opts.exactTotal === false) {
        const r = this.pruned(plan, postings, scale, topK, opts.accept)
        // Every term asked in every field: a hit's terms are the plan terms it was scored for.
        if (!r.masks || !whole) return { total: r.total, hits: r.hits, terms, partial: budget.cut }
        const masks = r.masks
        // Plan positions in term order, once: each hit's terms are then read off its mask in order.
        const byTerm = plan.map((_, n) => n).sort((x, y) => plan[x]!.id - plan[y]!.id || x - y)
        const fromMask = (doc: number) => {
          const m = masks.get(doc)
          if (m === undefined) return terms(doc)
          const out: string[] = []
          let last = -1
          for (const n of byTerm) {
            const id = plan[n]!.id
            if (m & (1 << n) && id !== last) out.push(this.terms[(last = id)]!)
          }
          return out
        }
        return { total: r.total, hits: r.hits, terms: fromMask, partial: budget.cut }
      }
      if (!opts.accept && whole) return { hits: this.pruned(plan, postings, scale, topK).hits, total: this.countMatches(plan), terms, partial: budget.cut }
    }

    // Pass 2: every posting of every term. Per document: score, whether it was seen, how many
    // required clauses it satisfies (clauseOf: the last one counted), whether a prohibited term holds it.
    this.ensureBuffers()
    const { score, seen, touched, requiredMet, clauseOf, banned } = this
    let touchedCount = 0
    const bannedDocs: number[] = []
    const { data, offsets, stride } = postings
    for (const t of plan) {
      for (let i = offsets[t.id]!, end = offsets[t.id + 1]!; i < end; i += stride) {
        const doc = data[i]!
        // Summed over fields, a posting is scaled as field 0: every field has the same scale then.
        const field = stride === 2 ? 0 : data[i + 1]!
        if (!t.inField[field]) continue
        if (t.presence === PROHIBITED) {
          if (!banned[doc]) (banned[doc] = 1), bannedDocs.push(doc)
          continue
        }
        if (t.clauseNo && clauseOf[doc] !== t.clauseNo) {
          clauseOf[doc] = t.clauseNo
          requiredMet[doc]!++
        }
        if (!seen[doc]) {
          seen[doc] = 1
          touched[touchedCount++] = doc
        }
        score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!
      }
    }
    const keep = (doc: number) => !impossible && !banned[doc] && requiredMet[doc] === requiredClauses && (!opts.accept || opts.accept(doc))
    const unconditional = bannedDocs.length === 0 && requiredClauses === 0 && !opts.accept
    const top = new TopK(topK)
    let total = 0
    if (negated) {
      for (let doc = 0; doc < this.docCount; doc++) if (keep(doc)) (total++, top.offer(doc, 0))
    }
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!
      if (unconditional || keep(doc)) {
        total++
        top.offer(doc, score[doc]!)
      }
      score[doc] = 0
      seen[doc] = 0
      requiredMet[doc] = 0
      clauseOf[doc] = 0
    }
    for (const doc of bannedDocs) banned[doc] = 0
    return { total, hits: top.sorted(), terms, partial: budget.cut }
  }

  /** Max-score evaluation of optional terms for the best k documents (see `evaluate`). */
  private pruned(
    order: readonly PlannedTerm[],
    postings: Postings,
    scale: readonly number[],
    k: number,
    accept?: (doc: number) => boolean,
  ): { total: number; hits: EngineHit[]; masks?: Map<number, number> } {
    this.ensureBuffers()
    if (this.kthHeap.length < k) this.kthHeap = new Float64Array(k)
    const score = this.score
    const withMasks = order.length <= 32
    const mask = this.termMask
    const state = this.seen // 0 unseen, 1 candidate, 2 refused by accept, 3 dropped (cannot reach the top k)
    // after[i]: the most the terms after the i-th can add (summed from the end: no rounding below 0).
    const after = new Float64Array(order.length)
    for (let i = order.length - 2; i >= 0; i--) after[i] = after[i + 1]! + order[i + 1]!.bound
    const touched = this.touched // the documents seen, in order (reused buffer: no array grown per query)
    let touchedCount = 0
    let candidates: number[] | undefined // set once new documents can no longer reach the top k
    let threshold = 0
    let best = 0 // the best score so far: the k-th best is no higher, so no pruning while `rest` reaches it
    const { data, offsets, stride } = postings
    for (let n = 0; n < order.length; n++) {
      const t = order[n]!
      const bit = withMasks ? 1 << n : 0
      const rest = after[n]!
      const start = offsets[t.id]!
      const end = offsets[t.id + 1]!
      if (!candidates) {
        for (let i = start; i < end; i += stride) {
          const doc = data[i]!
          const field = stride === 2 ? 0 : data[i + 1]! // summed over fields: scaled as field 0 (see evaluate)
          if (!t.inField[field]) continue
          if (state[doc] === 0) {
            state[doc] = accept && !accept(doc) ? 2 : 1
            touched[touchedCount++] = doc
          }
          if (state[doc] === 1) {
            mask[doc]! |= bit
            if ((score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!) > best) best = score[doc]!
          }
        }
      } else if (candidates.length * 16 > (end - start) / stride) {
        // Only documents already scored can still change the top k; many of them: one pass over the postings.
        for (let i = start; i < end; i += stride) {
          const doc = data[i]!
          const field = stride === 2 ? 0 : data[i + 1]!
          if (state[doc] === 1 && t.inField[field]) {
            mask[doc]! |= bit
            score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!
          }
        }
      } else {
        // A few of them: look each one up.
        for (const doc of candidates) {
          let i = firstPosting(postings, t.id, doc)
          for (; i < end && data[i] === doc; i += stride) {
            const field = stride === 2 ? 0 : data[i + 1]!
            if (t.inField[field]) {
              mask[doc]! |= bit
              score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!
            }
          }
        }
      }
      if (!candidates && rest >= best) continue
      threshold = candidates ? kthLargest(candidates, candidates.length, score, state, k, this.kthHeap) : kthLargest(touched, touchedCount, score, state, k, this.kthHeap)
      if (threshold > 0 && rest < threshold) {
        // A document first seen now would score at most `rest`: below the k-th best already found.
        const from = candidates ?? touched
        const count = candidates ? candidates.length : touchedCount
        const kept: number[] = []
        for (let i = 0; i < count; i++) {
          const doc = from[i]!
          if (state[doc] !== 1) continue
          if (score[doc]! + rest >= threshold) kept.push(doc)
          else state[doc] = 3
        }
        candidates = kept
      }
    }
    const top = new TopK(k)
    let total = 0
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!
      if (state[doc] === 1) {
        total++
        top.offer(doc, score[doc]!)
      }
      score[doc] = 0
      state[doc] = 0
    }
    const hits = top.sorted()
    const masks = withMasks ? new Map(hits.map((h) => [h.doc, mask[h.doc]!])) : undefined
    for (let i = 0; i < touchedCount; i++) mask[touched[i]!] = 0
    return { total, hits, masks }
  }

  /** How many documents hold at least one of the terms (in any field). */
  private countMatches(plan: readonly PlannedTerm[]): number {
    const words = Math.ceil(this.docCount / 32)
    if (this.matchBits.length < words) this.matchBits = new Uint32Array(words)
    const acc = this.matchBits
    acc.fill(0, 0, words)
    for (const t of plan) {
      const bits = this.docBits.get(t.id)
      if (bits) for (let w = 0; w < words; w++) acc[w]! |= bits[w]!
      else for (let i = this.byDoc.offsets[t.id]!, end = this.byDoc.offsets[t.id + 1]!; i < end; i += 2) acc[this.byDoc.data[i]! >>> 5]! |= 1 << (this.byDoc.data[i]! & 31)
    }
    let n = 0
    for (let w = 0; w < words; w++) {
      // Population count of a 32-bit word.
      let v = acc[w]!
      v -= (v >>> 1) & 0x55555555
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
    }
    return n
  }

  /** Per-query buffers, one cell per document, reused: evaluation is synchronous, so sharing is safe. */
  private ensureBuffers(): void {
    if (this.score.length < this.docCount) {
      this.score = new Float64Array(this.docCount)
      this.seen = new Uint8Array(this.docCount)
      this.termMask = new Uint32Array(this.docCount)
      this.touched = new Int32Array(this.docCount)
      this.requiredMet = new Uint16Array(this.docCount)
      this.clauseOf = new Uint16Array(this.docCount)
      this.banned = new Uint8Array(this.docCount)
    }
  }

  /** True when a term's postings hold a document (postings are sorted by document). */
  private holds(termId: number, doc: number): boolean {
    const i = firstPosting(this.byDoc, termId, doc)
    return i < this.byDoc.offsets[termId + 1]! && this.byDoc.data[i] === doc
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

  /** Index terms a wildcard or fuzzy clause stands for, as Lunr's TokenSet would find them, within the query's budget. */
  private expand(term: string, clause: Clause, budget: ExpansionBudget): string[] {
    // As Lunr: a fuzzy term only when an edit distance is given, else `*` wildcards in the string.
    if (clause.editDistance) return this.fuzzy(term, clause.editDistance, budget)
    if (/^[^*]+\*$/.test(term)) return this.withPrefix(term.slice(0, -1), budget)
    return walkTerms(this.terms, wildcardAutomaton(term), budget)
  }

  /** Index terms starting with a prefix: a range of the sorted term list (as many as the budget allows). */
  private withPrefix(prefix: string, budget: ExpansionBudget = unbounded()): string[] {
    let lo = 0
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.terms[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < this.terms.length && this.terms[i]!.startsWith(prefix); i++) {
      if (budget.terms-- <= 0) {
        budget.cut = true
        break
      }
      out.push(this.terms[i]!)
    }
    return out
  }

  /**
   * Index terms at most one edit from a term (Lunr's edit distance 1: a character inserted,
   * deleted, substituted, or two adjacent ones swapped): every variant is looked up in the term map.
   */
  private oneEditAway(term: string, alphabet = this.characters().all): string[] {
    const found = new Set<string>()
    const probe = (v: string) => {
      if (this.termId.has(v)) found.add(v)
    }
    probe(term)
    for (let i = 0; i <= term.length; i++) {
      const head = term.slice(0, i)
      const tail = term.slice(i)
      for (const c of alphabet) probe(head + c + tail)
      if (i === term.length) break
      const rest = term.slice(i + 1)
      probe(head + rest)
      for (const c of alphabet) if (c !== term[i]) probe(head + c + rest)
      if (i + 1 < term.length) probe(head + term[i + 1] + term[i] + term.slice(i + 2))
    }
    return [...found]
  }

  /** The characters of the index's terms (UTF-16 code units, as in Lunr's TokenSet), the letters among them, and the length of the longest term of letters only. */
  private characters(): { all: string[]; letters: string[]; longestWord: number } {
    if (!this.alphabet) {
      const chars = new Set<string>()
      for (const t of this.terms) for (let i = 0; i < t.length; i++) chars.add(t[i]!)
      const all = [...chars]
      const longestWord = this.terms.reduce((n, t) => (t.length > n && /^\p{L}+$/u.test(t) ? t.length : n), 0)
      this.alphabet = { all, letters: all.filter((c) => /\p{L}/u.test(c)), longestWord }
    }
    return this.alphabet
  }

  /**
   * Index terms of letters only, one edit from a word of letters only: what a misspelt word may have
   * meant. Only letters are tried where a character is inserted or replaced, so it costs a fraction
   * of `fuzzy(word, 1)` on an index whose terms hold digits and punctuation too. A word longer than
   * every letters-only index term plus one is no such term's misspelling, and one longer than a
   * fuzzy search term may be (LIMITS.patternTermChars) was not typed by hand: neither is looked up
   * (each variant tried is a string of the word's length, and a pasted "word" can be thousands of
   * letters: three of 2,000 took 0.7-2.2 s).
   */
  wordsOneEditAway(word: string): string[] {
    const { letters, longestWord } = this.characters()
    if (word.length > Math.min(longestWord + 1, LIMITS.patternTermChars)) return []
    return this.oneEditAway(word, letters).filter((t) => /^\p{L}+$/u.test(t))
  }
}

/** A budget that never runs out (direct calls outside a query). */
function unbounded(): ExpansionBudget {
  return { terms: Number.POSITIVE_INFINITY, steps: Number.POSITIVE_INFINITY, cut: false }
}

/** The start of a term for a message: long terms are cut. */
function preview(term: string): string {
  return term.length > 20 ? `${term.slice(0, 20)}…` : term
}

/**
 * Refuse a query over one of the limits of a search, before any work: more terms than
 * LIMITS.queryClauses, an edit distance over LIMITS.fuzzyEditDistance, a fuzzy or wildcard term
 * longer than LIMITS.patternTermChars (but for a prefix: a trailing `*`). The message names the limit and its value.
 */
export function checkLimits(clauses: readonly Clause[]): void {
  if (clauses.length > LIMITS.queryClauses) {
    throw new QueryLimitError('queryClauses', `The query has ${clauses.length} terms, over the limit of ${LIMITS.queryClauses}`)
  }
  for (const c of clauses) {
    if (c.editDistance > LIMITS.fuzzyEditDistance) {
      throw new QueryLimitError('fuzzyEditDistance', `Fuzzy edit distance ${c.editDistance} in "${preview(c.term)}~${c.editDistance}" is over the limit of ${LIMITS.fuzzyEditDistance}`)
    }
    // A trailing `*` alone is a range of the sorted terms, found by binary search whatever its length
    // (a registry path is a fine prefix): only a fuzzy term or another wildcard walks the terms.
    const kind = c.editDistance > 0 ? 'Fuzzy' : (c.wildcard || c.term.includes('*')) && !/^[^*]+\*$/.test(c.term) ? 'Wildcard' : undefined
    if (kind && c.term.length > LIMITS.patternTermChars) {
      throw new QueryLimitError('patternTermChars', `${kind} term "${preview(c.term)}" is ${c.term.length} characters long, over the limit of ${LIMITS.patternTermChars}`)
    }
  }
}

/** Position of a document's first posting in a term's list (or where it would be). */
function firstPosting({ data, offsets, stride }: Postings, termId: number, doc: number): number {
  let lo = offsets[termId]! / stride
  let hi = offsets[termId + 1]! / stride
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (data[mid * stride]! < doc) lo = mid + 1
    else hi = mid
  }
  return lo * stride
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
      return
    }
    // Most offers of a large result set lose to the weakest kept hit: decide without allocating.
    const min = h[0]!
    if (score < min.score || (score === min.score && doc > min.doc)) return
    h[0] = { doc, score }
    this.down(0)
  }

  /** The kept hits, best first, ties by document order. */
  sorted(): EngineHit[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.doc - b.doc)
  }

  private up(i: number): void {
    const h = this.heap
    while (i > 0) {
      const p = (i - 1) >> 1
      const hi = h[i]!
      if (!worse(hi, h[p]!)) break
      h[i] = h[p]!
      h[p] = hi
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
      const hi = h[i]!
      h[i] = h[m]!
      h[m] = hi
      i = m
    }
  }
}

/** The k-th largest score among the live documents (state 1) of the first `count` of `docs`; 0 when there are fewer than k. `heap`: scratch of at least k cells. */
function kthLargest(docs: ArrayLike<number>, count: number, score: Float64Array, state: Uint8Array, k: number, heap: Float64Array): number {
  if (count < k) return 0
  let n = 0
  for (let j = 0; j < count; j++) {
    const doc = docs[j]!
    if (state[doc] !== 1) continue
    const s = score[doc]!
    if (n < k) {
      // Insert into the min-heap.
      let i = n++
      heap[i] = s
      while (i > 0) {
        const p = (i - 1) >> 1
        const hp = heap[p]!
        if (hp <= s) break
        heap[i] = hp // sift the new score up, swapping without a temporary array
        heap[p] = s
        i = p
      }
    } else if (s > heap[0]!) {
      heap[0] = s
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < k && heap[l]! < heap[m]!) m = l
        if (r < k && heap[r]! < heap[m]!) m = r
        if (m === i) break
        heap[i] = heap[m]!
        heap[m] = s
        i = m
      }
    }
  }
  return n < k ? 0 : heap[0]!
}

/** True when hit a ranks below hit b (lower score, or same score and later in the artifact). */
function worse(a: EngineHit, b: EngineHit): boolean {
  return a.score < b.score || (a.score === b.score && a.doc > b.doc)
}
