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
 *
 * One job per file: compact.ts (Lunr's builder to the artifact's postings), layout.ts (postings
 * in shared memory), lexicon.ts and expand.ts (the term list and wildcard/fuzzy expansion),
 * query-limits.ts (queries refused before any work), plan.ts (clauses to index terms and bounds),
 * evaluate.ts (every posting), prune.ts (max-score pruning), bitset.ts (counting matches),
 * heaps.ts (the best k), scratch.ts (per-query buffers). This class composes them.
 */
import lunr from 'lunr'
import { LIMITS } from '../../limits.js'
import { Synonyms } from '../analysis/synonyms.js'
import { DocBits } from './bitset.js'
import { type CompactIndex, flatFromCompact } from './compact.js'
import { scoreAll } from './evaluate.js'
import type { ExpansionBudget } from './expand.js'
import { type EngineParts, type FlatIndex, holds, type Postings, toParts } from './layout.js'
import { Lexicon, unbounded } from './lexicon.js'
import { planQuery, PROHIBITED, REQUIRED, type TermBounds } from './plan.js'
import { pruned, termsFromMasks } from './prune.js'
import { checkLimits } from './query-limits.js'
import { Scratch } from './scratch.js'
import type { Clause, EngineResult, EvaluateOptions } from './types.js'

export { type CompactIndex, compactFromBuilder, flatFromCompact } from './compact.js'
export type { EngineParts, FlatIndex } from './layout.js'
export { checkLimits, QueryLimitError } from './query-limits.js'
export type { Clause, EngineHit, EngineResult, EvaluateOptions } from './types.js'

// Parts of Lunr's runtime that its type definitions leave out.
const Lunr = lunr as unknown as {
  QueryParser: new (q: string, query: lunr.Query) => { parse(): lunr.Query }
}
type LunrClause = lunr.Query.Clause & { presence?: number }

/** A loaded index, ready for queries. */
export class SearchEngine {
  readonly fields: readonly string[]
  readonly docCount: number
  private readonly lexicon: Lexicon
  private readonly df: Uint32Array
  /** Per (term, field) and per term summed over fields: the largest weight in the postings, bounding what a term can add to a score. */
  private readonly bounds: TermBounds
  /** Postings by (term, article, field), and summed over fields by (term, article). */
  private readonly byField: Postings
  private readonly byDoc: Postings
  /** The documents of common terms as bits, for counting matches. */
  private readonly docBits: DocBits
  private readonly scratch = new Scratch()
  /** The synonyms the index was built with: queries are read with the same (plan.ts), and so are pastes and symptoms (core/match). */
  readonly synonyms: Synonyms

  /** From a weighted index as flat arrays (the artifact's), a compact index (Lunr's builder, tests), or the parts of an engine built elsewhere (shared memory). */
  constructor(c: FlatIndex | CompactIndex | EngineParts) {
    this.fields = c.fields
    this.docCount = c.docCount
    this.lexicon = new Lexicon(c.terms)
    const parts = 'postings' in c ? toParts(flatFromCompact(c)) : 'df' in c ? c : toParts(c)
    this.df = parts.df
    this.bounds = { maxWeight: parts.maxWeight, docMaxWeight: parts.docMaxWeight }
    this.byField = { data: parts.data, offsets: parts.offsets, stride: 3 }
    this.byDoc = { data: parts.docData, offsets: parts.docOffsets, stride: 2 }
    this.docBits = new DocBits(this.byDoc, this.df, c.docCount)
    this.synonyms = Synonyms.from(c.synonyms)
  }

  /** What another thread needs to build the same engine; the arrays are in shared memory, so nothing is copied. */
  parts(): EngineParts {
    return {
      fields: [...this.fields],
      docCount: this.docCount,
      terms: [...this.lexicon.terms],
      offsets: this.byField.offsets,
      data: this.byField.data,
      df: this.df,
      maxWeight: this.bounds.maxWeight,
      docOffsets: this.byDoc.offsets,
      docData: this.byDoc.data,
      docMaxWeight: this.bounds.docMaxWeight,
      synonyms: this.synonyms.source,
    }
  }

  /** True when the index holds the term (in index form). */
  has(term: string): boolean {
    return this.lexicon.has(term)
  }

  /** How many distinct terms the index holds; their numbers are 0 to termCount - 1. */
  get termCount(): number {
    return this.lexicon.terms.length
  }

  /** The index's number for a term (in index form), or -1 when the index lacks it. */
  idOf(term: string): number {
    return this.lexicon.idOf(term)
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
    return this.lexicon.fuzzy(term, distance, budget)
  }

  /** Index terms of letters only, one edit from a word of letters only: what a misspelt word may have meant (see Lexicon.wordsOneEditAway). */
  wordsOneEditAway(word: string): string[] {
    return this.lexicon.wordsOneEditAway(word)
  }

  /** Run a query in Lunr syntax; throws lunr.QueryParseError on invalid syntax. */
  search(q: string, opts: { topK?: number; accept?: (doc: number) => boolean } = {}): EngineResult {
    const query = new lunr.Query([...this.fields])
    new Lunr.QueryParser(q, query).parse()
    return this.evaluate(
      query.clauses.map((c) => this.toClause(c as LunrClause)),
      opts,
    )
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
    const q = planQuery(clauses, this.lexicon, this.fields.length, this.bounds, budget, this.synonyms)
    const { terms: plan, scale, whole, positiveTerms } = q
    const postings = whole ? this.byDoc : this.byField
    const terms = (doc: number) => positiveTerms.filter((id) => holds(this.byDoc, id, doc)).map((id) => this.lexicon.terms[id]!)
    // Only the top k wanted and only optional terms: max-score pruning. The count of matches is
    // then taken apart (bitsets), which needs every term asked in every field and no filter.
    if (Number.isFinite(topK) && plan.every((t) => t.presence !== REQUIRED && t.presence !== PROHIBITED)) {
      if (opts.exactTotal === false) {
        const r = pruned(plan, postings, scale, topK, this.scratch, this.docCount, opts.accept)
        // Every term asked in every field: a hit's terms are the plan terms it was scored for.
        if (!r.masks || !whole) return { total: r.total, hits: r.hits, terms, partial: budget.cut }
        return { total: r.total, hits: r.hits, terms: termsFromMasks(plan, r.masks, this.lexicon.terms, terms), partial: budget.cut }
      }
      if (!opts.accept && whole)
        return { hits: pruned(plan, postings, scale, topK, this.scratch, this.docCount).hits, total: this.docBits.countAny(plan), terms, partial: budget.cut }
    }
    const r = scoreAll(q, postings, topK, this.scratch, this.docCount, opts.accept)
    return { total: r.total, hits: r.hits, terms, partial: budget.cut }
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

  /** Index terms a wildcard or fuzzy clause stands for, within a budget (Lexicon.expand; kept here for tests). */
  private expand(term: string, clause: { editDistance: number }, budget: ExpansionBudget): string[] {
    return this.lexicon.expand(term, clause, budget)
  }

  /** Index terms starting with a prefix (Lexicon.withPrefix; kept here for tests). */
  private withPrefix(prefix: string, budget: ExpansionBudget = unbounded()): string[] {
    return this.lexicon.withPrefix(prefix, budget)
  }
}
