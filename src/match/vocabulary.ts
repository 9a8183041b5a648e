/**
 * Term statistics from the loaded Lunr index: document frequency and IDF, computed lazily and
 * cached per index, so choosing informative terms costs a map lookup per term.
 */
import lunr from 'lunr'

type Posting = Record<string, Record<string, unknown>> & { _index: number }
interface TokenSetLike {
  intersect(other: TokenSetLike): TokenSetLike
  toArray(): string[]
}
interface IndexInternals {
  invertedIndex: Record<string, Posting>
  tokenSet: TokenSetLike
}
// Lunr has these at run time; its type definitions leave them out.
const TokenSet = lunr.TokenSet as unknown as { fromFuzzyString(s: string, distance: number): TokenSetLike }

/** Document frequencies of the terms in one index. */
export class Vocabulary {
  private readonly inverted: Record<string, Posting>
  private readonly tokenSet: TokenSetLike
  private readonly df = new Map<string, number>()
  readonly docCount: number

  constructor(index: lunr.Index, docCount: number) {
    this.inverted = (index as unknown as IndexInternals).invertedIndex
    this.tokenSet = (index as unknown as IndexInternals).tokenSet
    this.docCount = Math.max(1, docCount)
  }

  /** True when the index holds the term (in index form, after the pipeline). */
  has(term: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.inverted, term)
  }

  /** How many articles contain the term in any field. */
  docFreq(term: string): number {
    let n = this.df.get(term)
    if (n !== undefined) return n
    const posting = this.has(term) ? this.inverted[term] : undefined
    const refs = new Set<string>()
    if (posting) for (const [field, docs] of Object.entries(posting)) if (field !== '_index') for (const ref of Object.keys(docs)) refs.add(ref)
    n = refs.size
    this.df.set(term, n)
    return n
  }

  /** Index terms within `distance` edits of a term, most frequent first. */
  fuzzy(term: string, distance: number): string[] {
    return TokenSet.fromFuzzyString(term, distance)
      .intersect(this.tokenSet)
      .toArray()
      .sort((a, b) => this.docFreq(b) - this.docFreq(a) || (a < b ? -1 : 1))
  }

  /** Inverse document frequency (BM25 form, always positive); 0 for a term the index lacks. */
  idf(term: string): number {
    const n = this.docFreq(term)
    if (n === 0) return 0
    return Math.log(1 + (this.docCount - n + 0.5) / (n + 0.5))
  }
}
