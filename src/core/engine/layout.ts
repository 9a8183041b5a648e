/**
 * The engine's postings laid out in typed arrays over shared memory (a worker thread uses them
 * without a copy), with the per-term statistics evaluation reads: document frequency, the largest
 * weight per (term, field), and the postings summed over fields for queries that ask every field.
 */
import type { SynonymSource } from '../analysis/synonyms.js'

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
  /** The synonyms the index was built with. */
  synonyms?: SynonymSource
}

/** Postings to walk: the array, where each term's start, and how many numbers one posting takes ([article, field, weight] or [article, weight]). */
export interface Postings {
  data: Int32Array
  offsets: Uint32Array
  stride: 2 | 3
}

/** A weighted index as flat arrays (the artifact's WeightedIndex has this shape): what `toParts` lays out. */
export interface FlatIndex {
  fields: string[]
  docCount: number
  terms: string[]
  /** terms.length + 1: where each term's postings start in `data`, counted in numbers. */
  offsets: Uint32Array
  /** [article, field, weight×1000] triples; by term, then article, then field. */
  data: Int32Array
  synonyms?: SynonymSource
}

/** A typed array over shared memory, of n entries (at least one byte of memory: a SharedArrayBuffer of 0 is refused by some). */
function shared<T extends Uint32Array | Int32Array>(Kind: new (buffer: SharedArrayBuffer) => T, n: number): T {
  return new Kind(new SharedArrayBuffer(Math.max(1, n) * 4)).subarray(0, n) as T
}

/** The engine's arrays without the term list, fields and synonyms: what PartsBuilder makes. */
export type PartsArrays = Omit<EngineParts, 'fields' | 'docCount' | 'terms' | 'synonyms'>

/**
 * Lays postings out in shared memory as they come, term by term, each term's in (article, field)
 * order, with the per-term statistics: one pass, so a loader decoding the artifact's postings
 * makes the engine's arrays as it reads them. `docPostings` is how many (term, article) pairs
 * there are, so the per-article postings' memory is taken once.
 */
export class PartsBuilder {
  readonly arrays: PartsArrays
  private term = -1
  private at = 0
  private docAt = 0

  constructor(
    private readonly fields: number,
    private readonly terms: number,
    postings: number,
    docPostings: number,
  ) {
    this.arrays = {
      offsets: shared(Uint32Array, terms + 1),
      data: shared(Int32Array, 3 * postings),
      df: shared(Uint32Array, terms),
      maxWeight: shared(Int32Array, terms * fields),
      docOffsets: shared(Uint32Array, terms + 1),
      docData: shared(Int32Array, 2 * docPostings),
      docMaxWeight: shared(Int32Array, terms),
    }
  }

  /** Start the next term's postings. */
  nextTerm(): void {
    this.closeTerm()
    this.term++
    this.arrays.offsets[this.term] = this.at
    this.arrays.docOffsets[this.term] = this.docAt
  }

  /** Add a posting of the current term; false when there is no room (more postings than announced). */
  add(doc: number, field: number, weight: number): boolean {
    const { data, docData, maxWeight, df } = this.arrays
    if (this.at + 3 > data.length) return false
    const t = this.term
    const at = this.at
    data[at] = doc
    data[at + 1] = field
    data[at + 2] = weight
    const cell = t * this.fields + field
    if (weight > maxWeight[cell]!) maxWeight[cell] = weight
    // A query asking every term in every field (every match, most searches) scores each article by
    // its weights summed over fields: one posting per (term, article) instead of one per field.
    if (at === this.arrays.offsets[t] || data[at - 3] !== doc) {
      if (this.docAt + 2 > docData.length) return false
      docData[this.docAt] = doc
      this.docAt += 2
      df[t]!++
    }
    docData[this.docAt - 1]! += weight
    this.at = at + 3
    return true
  }

  /** The arrays, every term added; their counts must be the announced ones. */
  finish(): PartsArrays {
    this.closeTerm()
    const { offsets, docOffsets, data, docData } = this.arrays
    if (this.term !== this.terms - 1 || this.at !== data.length || this.docAt !== docData.length) {
      throw new Error(
        `postings for ${this.term + 1} terms, ${this.at / 3} postings, ${this.docAt / 2} (term, article) pairs; not the announced ${this.terms}, ${data.length / 3}, ${docData.length / 2}`,
      )
    }
    offsets[this.terms] = this.at
    docOffsets[this.terms] = this.docAt
    return this.arrays
  }

  private closeTerm(): void {
    const t = this.term
    if (t < 0) return
    const { docData, docOffsets, docMaxWeight } = this.arrays
    for (let i = docOffsets[t]! + 1; i < this.docAt; i += 2) if (docData[i]! > docMaxWeight[t]!) docMaxWeight[t] = docData[i]!
  }
}

/** How many (term, article) pairs a flat index's postings hold. */
export function docPostingCount(offsets: Uint32Array, data: Int32Array): number {
  let n = 0
  for (let t = 0; t + 1 < offsets.length; t++)
    for (let j = offsets[t]!, end = offsets[t + 1]!; j < end; j += 3) if (j === offsets[t] || data[j] !== data[j - 3]) n++
  return n
}

/** Lay a flat index out in typed arrays over shared memory, with per-term statistics (PartsBuilder). */
export function toParts(c: FlatIndex): EngineParts {
  const T = c.terms.length
  const b = new PartsBuilder(c.fields.length, T, Math.floor(c.data.length / 3), docPostingCount(c.offsets, c.data))
  for (let t = 0; t < T; t++) {
    b.nextTerm()
    for (let i = c.offsets[t]!, end = c.offsets[t + 1]!; i < end; i += 3) b.add(c.data[i]!, c.data[i + 1]!, c.data[i + 2]!)
  }
  return { fields: c.fields, docCount: c.docCount, terms: c.terms, ...b.finish(), synonyms: c.synonyms }
}

/** Position of a document's first posting in a term's list (or where it would be). */
export function firstPosting({ data, offsets, stride }: Postings, termId: number, doc: number): number {
  let lo = offsets[termId]! / stride
  let hi = offsets[termId + 1]! / stride
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (data[mid * stride]! < doc) lo = mid + 1
    else hi = mid
  }
  return lo * stride
}

/** True when a term's postings hold a document (postings are sorted by document). */
export function holds(postings: Postings, termId: number, doc: number): boolean {
  const i = firstPosting(postings, termId, doc)
  return i < postings.offsets[termId + 1]! && postings.data[i] === doc
}
