/**
 * The artifact's form of a Lunr index: Lunr's builder computes a BM25 weight for every (term,
 * field, article), rounded to 3 decimals; they are kept as integer postings (term -> [article,
 * field, weight×1000, ...]) instead of Lunr's object per posting, which loads slowly.
 */
import type lunr from 'lunr'
import type { SynonymSource } from '../analysis/synonyms.js'
import type { FlatIndex } from './layout.js'

/** The serialized form, as stored in the artifact. */
export interface CompactIndex {
  fields: string[]
  docCount: number
  /** Sorted index terms. */
  terms: string[]
  /** Per term: flat [article, field, weight×1000] triples, sorted by article then field. */
  postings: number[][]
  /** The synonyms its terms were analyzed with, applied to queries alike (absent: the built-in list only). */
  synonyms?: SynonymSource
}

// Parts of Lunr's builder that its type definitions leave out.
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

/** The compact index as flat arrays (the artifact's weighted index): its posting lists laid end to end. */
export function flatFromCompact(c: CompactIndex): FlatIndex {
  const offsets = new Uint32Array(c.postings.length + 1)
  for (let t = 0; t < c.postings.length; t++) offsets[t + 1] = offsets[t]! + c.postings[t]!.length
  const data = new Int32Array(offsets[c.postings.length]!)
  c.postings.forEach((p, t) => data.set(p, offsets[t]))
  return { fields: [...c.fields], docCount: c.docCount, terms: c.terms, offsets, data, ...(c.synonyms === undefined ? {} : { synonyms: c.synonyms }) }
}
