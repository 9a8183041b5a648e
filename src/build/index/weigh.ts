/**
 * Lunr's term weights without Lunr's builder: BM25 over the flat forward index, in two passes and
 * no object per posting. Lunr's builder keeps an object per (term, field, article) and a vector
 * per (field, article); at 10,000 generated articles that took about 3 GB, and past about 54,000
 * documents it runs out of memory (lunr#306), so the equivalence with it is tested on what it can
 * hold (test/weights.test.ts: the bundled KB, 1,000 generated articles, edge cases).
 *
 * What Lunr does (lunr.js 2.3.9, Builder#calculateAverageFieldLengths, #createFieldVectors, lunr.idf):
 * - a field's average length is the sum of its lengths over the articles, divided by their number;
 * - a term's idf counts the (article, field) pairs that hold it, not the articles:
 *   log(1 + |(N - n + 0.5) / (n + 0.5)|);
 * - a weight is idf × (k1 + 1) × tf / (k1 × (1 - b + b × length / average) + tf), times the
 *   field's boost (core/fields.ts; 0 counts as 1) and the article's (always 1 here), rounded to 3
 *   decimals. The artifact keeps it ×1000 as an integer, as compactFromBuilder did.
 */
import type { SynonymSource } from '../../core/analysis/synonyms.js'
import { FIELDS } from '../../core/fields.js'
import type { CompactIndex } from '../../core/engine/engine.js'
import type { ForwardIndex, WeightedIndex } from '../artifact/model.js'

/** Lunr's BM25 parameters: its builder's defaults (`k1`, `b`), which the index has always kept. */
export const BM25 = Object.freeze({ k1: 1.2, b: 0.75 })

/** A field's boost by position in FIELDS; Lunr takes a boost of 0 (or none) as 1. */
const BOOSTS = FIELDS.map((f) => f.boost || 1)

/**
 * Weigh a forward index (every term in `forward.terms` held by some article, as ForwardCollector
 * gives it): each (term, article, field)'s BM25 weight ×1000, postings by term, then article, then
 * field. `synonyms`: those the terms were analyzed with, stored beside the index.
 */
export function weigh(forward: ForwardIndex, synonyms?: SynonymSource): WeightedIndex {
  const { docCount, lengths, starts, pairs, terms } = forward
  const fieldCount = forward.fields.length
  if (fieldCount !== BOOSTS.length) throw new Error(`weigh: the forward index has ${fieldCount} fields, the index ${BOOSTS.length}`)

  // Pass 1: average lengths, and per term how many (article, field) pairs hold it (its postings).
  const average = new Float64Array(fieldCount)
  for (let d = 0; d < docCount; d++) for (let f = 0; f < fieldCount; f++) average[f]! += lengths[d * fieldCount + f]!
  for (let f = 0; f < fieldCount; f++) average[f] = average[f]! / docCount
  const held = new Uint32Array(terms.length)
  const pairCount = starts[docCount * fieldCount]!
  for (let p = 0; p < pairCount; p++) held[pairs[2 * p]!]!++
  const offsets = new Uint32Array(terms.length + 1)
  const idf = new Float64Array(terms.length)
  for (let t = 0; t < terms.length; t++) {
    offsets[t + 1] = offsets[t]! + 3 * held[t]!
    const x = (docCount - held[t]! + 0.5) / (held[t]! + 0.5)
    idf[t] = Math.log(1 + Math.abs(x))
  }

  // Pass 2: articles in order, then fields in order, so each term's postings come out sorted.
  const data = new Int32Array(offsets[terms.length]!)
  const cursor = offsets.slice(0, terms.length)
  const k1 = BM25.k1
  const b = BM25.b
  for (let d = 0; d < docCount; d++) {
    for (let f = 0; f < fieldCount; f++) {
      const slot = d * fieldCount + f
      const fieldLength = lengths[slot]!
      for (let p = starts[slot]!; p < starts[slot + 1]!; p++) {
        const t = pairs[2 * p]!
        const tf = pairs[2 * p + 1]!
        // Lunr's expression, operation for operation: the same floating-point result, then its rounding.
        let score = (idf[t]! * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / average[f]!)) + tf)
        score *= BOOSTS[f]!
        const at = cursor[t]!
        data[at] = d
        data[at + 1] = f
        data[at + 2] = Math.round((Math.round(score * 1000) / 1000) * 1000)
        cursor[t] = at + 3
      }
    }
  }
  return { fields: [...forward.fields], docCount, terms, offsets, data, ...(synonyms ? { synonyms } : {}) }
}

/** The JSON artifact's form of a weighted index (per term, its postings as an array of numbers). */
export function compactOf(index: WeightedIndex): CompactIndex {
  const postings = index.terms.map((_t, i) => Array.from(index.data.subarray(index.offsets[i]!, index.offsets[i + 1]!)))
  return { fields: index.fields, docCount: index.docCount, terms: index.terms, postings, ...(index.synonyms ? { synonyms: index.synonyms } : {}) }
}
