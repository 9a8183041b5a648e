/**
 * Counting the documents that hold any of a query's terms with bitsets. Common terms (document
 * frequency of at least 1/32 of the documents) are also kept as bits: counting the matches of a
 * query that holds them is then an OR of a few hundred words, not a walk of their (long) postings.
 */
import type { Postings } from './layout.js'

/** The documents of each common term as bits, and a count of the documents holding any of some terms. */
export class DocBits {
  /** Common terms' bits, each made when a count first meets the term (a thread that counts nothing makes none). */
  private readonly bits = new Map<number, Uint32Array>()
  private readonly words: number
  /** The document frequency from which a term is kept as bits. */
  private readonly minDf: number
  /** The OR of one count, reused. */
  private acc = new Uint32Array(0)

  /** `byDoc`: the postings summed over fields ([article, weight] pairs); `df`: per term, how many articles hold it. */
  constructor(
    private readonly byDoc: Postings,
    private readonly df: Uint32Array,
    docCount: number,
  ) {
    this.words = Math.ceil(docCount / 32)
    this.minDf = Math.max(8, this.words)
  }

  /** A common term's documents as bits (made on first use), or undefined for a rarer term. */
  private bitsOf(t: number): Uint32Array | undefined {
    if (this.df[t]! < this.minDf) return undefined
    let bits = this.bits.get(t)
    if (!bits) {
      bits = new Uint32Array(this.words)
      const { data, offsets } = this.byDoc
      for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 2) bits[data[i]! >>> 5]! |= 1 << (data[i]! & 31)
      this.bits.set(t, bits)
    }
    return bits
  }

  /** How many documents hold at least one of the terms (in any field). */
  countAny(terms: readonly { id: number }[]): number {
    const words = this.words
    if (this.acc.length < words) this.acc = new Uint32Array(words)
    const acc = this.acc
    acc.fill(0, 0, words)
    const { data, offsets } = this.byDoc
    for (const t of terms) {
      const bits = this.bitsOf(t.id)
      if (bits) for (let w = 0; w < words; w++) acc[w]! |= bits[w]!
      else for (let i = offsets[t.id]!, end = offsets[t.id + 1]!; i < end; i += 2) acc[data[i]! >>> 5]! |= 1 << (data[i]! & 31)
    }
    let n = 0
    for (let w = 0; w < words; w++) n += popcount(acc[w]!)
    return n
  }
}

/** Population count of a 32-bit word. */
function popcount(word: number): number {
  let v = word
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
