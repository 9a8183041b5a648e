/**
 * Term statistics for choosing informative terms: IDF from the index's document frequencies.
 */
import type { SearchEngine } from '../engine/engine.js'

/** Document frequencies and IDF of the terms in one index. */
export class Vocabulary {
  readonly docCount: number

  constructor(private readonly index: SearchEngine) {
    this.docCount = Math.max(1, index.docCount)
  }

  /** True when the index holds the term (in index form, after the pipeline). */
  has(term: string): boolean {
    return this.index.has(term)
  }

  /** How many articles contain the term in any field. */
  docFreq(term: string): number {
    return this.index.docFreq(term)
  }

  /** The IDF of a term only one article holds: the most a single term can say in this KB. */
  get uniqueIdf(): number {
    return bm25Idf(this.docCount, 1)
  }

  /** Index terms of letters only one edit from a word of letters only, most frequent first: the word it was likely meant to be. */
  correctionsOf(word: string): string[] {
    return this.index.wordsOneEditAway(word).sort((a, b) => this.docFreq(b) - this.docFreq(a) || (a < b ? -1 : 1))
  }

  /**
   * Inverse document frequency (BM25 form, always positive); 0 for a term the index lacks. Not
   * cached: a cache lookup costs what the term map lookup does, and a cache would keep every
   * unknown word of every paste alive until it was emptied.
   */
  idf(term: string): number {
    return this.idfOf(this.index.idOf(term))
  }

  /** The IDF of the term of this index number (`SearchEngine.idOf`); 0 for -1 or a number the index lacks. */
  idfOf(id: number): number {
    const n = id < 0 ? 0 : this.index.docFreqOf(id)
    return n === 0 ? 0 : bm25Idf(this.docCount, n)
  }
}

/** BM25's inverse document frequency of a term `df` of `docCount` documents hold (always positive). */
function bm25Idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5))
}
