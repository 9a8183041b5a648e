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

/** A typed array over shared memory: the array itself when it is already there, else a copy. */
function inShared<T extends Uint32Array | Int32Array>(a: T, Kind: new (buffer: SharedArrayBuffer) => T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a
  const copy = new Kind(new SharedArrayBuffer(Math.max(1, a.length) * 4))
  copy.set(a)
  return (a.length === 0 ? copy.subarray(0, 0) : copy) as T
}

/** Lay a flat index out in typed arrays over shared memory (its own arrays when they are there already), with per-term statistics. */
export function toParts(c: FlatIndex): EngineParts {
  const shared = <T>(Kind: new (buffer: SharedArrayBuffer) => T, bytesPer: number, n: number) => new Kind(new SharedArrayBuffer(Math.max(1, n) * bytesPer))
  const T = c.terms.length
  const offsets = inShared(c.offsets, Uint32Array)
  const data = inShared(c.data, Int32Array)
  const df = shared(Uint32Array, 4, T)
  for (let t = 0; t < T; t++) {
    let n = 0
    for (let j = offsets[t]!, end = offsets[t + 1]!; j < end; j += 3) if (j === offsets[t] || data[j] !== data[j - 3]) n++
    df[t] = n
  }
  const F = c.fields.length
  const maxWeight = shared(Int32Array, 4, T * F)
  for (let t = 0; t < T; t++) {
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 3) {
      const cell = t * F + data[i + 1]!
      if (data[i + 2]! > maxWeight[cell]!) maxWeight[cell] = data[i + 2]!
    }
  }
  // A query asking every term in every field (every match, most searches) scores each article by
  // its weights summed over fields: one posting per (term, article) instead of one per field.
  const docOffsets = shared(Uint32Array, 4, T + 1)
  let pairs = 0
  for (let t = 0; t < T; t++) {
    docOffsets[t] = pairs
    pairs += 2 * df[t]!
  }
  docOffsets[T] = pairs
  const docData = shared(Int32Array, 4, pairs)
  const docMaxWeight = shared(Int32Array, 4, T)
  for (let t = 0, at = 0; t < T; t++) {
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i += 3) {
      if (i === offsets[t] || data[i] !== data[i - 3]) {
        docData[at] = data[i]!
        at += 2
      }
      docData[at - 1]! += data[i + 2]!
    }
    for (let i = docOffsets[t]! + 1; i < docOffsets[t + 1]!; i += 2) if (docData[i]! > docMaxWeight[t]!) docMaxWeight[t] = docData[i]!
  }
  return { fields: c.fields, docCount: c.docCount, terms: c.terms, offsets, data, df, maxWeight, docOffsets, docData, docMaxWeight, synonyms: c.synonyms }
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
