/**
 * The artifact as objects: the articles, Lunr's compact index and the codes, as the JSON artifact
 * held them. What builds through Lunr's builder (build.ts) hand over until they give a weighted and
 * a forward index, and what tests and the version digests read back from an artifact's bytes.
 */
import type { KbArticle } from '../../core/article.js'
import { type CompactIndex, flatFromCompact } from '../../core/engine/engine.js'
import type { ForwardIndex, WeightedIndex } from './model.js'
import { openArtifact } from './open.js'
import { sharedArtifact } from './read.js'
import { encodeArticle, type StoredArticle } from './stored-article.js'
import { encodeArtifact } from './write.js'

/** An artifact's content as objects. */
export interface ArtifactPayload {
  articles: KbArticle[]
  index: CompactIndex
  /** Per article (same order): the codes the matcher recognizes in it (match/profile.ts). */
  codes: string[][]
}

/** A forward index that records nothing (every field 0 tokens long): for an index that did not come from one. */
export function emptyForward(index: WeightedIndex): ForwardIndex {
  const cells = index.docCount * index.fields.length
  return {
    fields: index.fields,
    docCount: index.docCount,
    terms: index.terms,
    lengths: new Uint32Array(cells),
    starts: new Uint32Array(cells + 1),
    pairs: new Uint32Array(0),
  }
}

/** Encode a payload as an artifact's bytes (no forward index, no content hashes). */
export function serializeArtifact(p: ArtifactPayload): Buffer {
  const index: WeightedIndex = flatFromCompact(p.index)
  if (p.articles.length !== index.docCount) throw new Error(`cannot write the artifact: ${p.articles.length} articles, and the index counts ${index.docCount}`)
  return encodeArtifact({
    index,
    forward: emptyForward(index),
    article: (doc) => encodeArticle({ article: p.articles[doc]!, codes: p.codes[doc] ?? [], hash: '' }),
  }).bytes
}

/** An artifact's content as objects, checked as a load checks it (tests, version digests). */
export function artifactPayload(bytes: Uint8Array): ArtifactPayload {
  const a = openArtifact(sharedArtifact(bytes, 'memory'))
  const parts = a.index.parts()
  const postings = parts.terms.map((_, t) => Array.from(parts.data.subarray(parts.offsets[t], parts.offsets[t + 1])))
  const index: CompactIndex = { fields: parts.fields, docCount: parts.docCount, terms: parts.terms, postings }
  if (parts.synonyms !== undefined) index.synonyms = parts.synonyms
  return { articles: a.articles.map((x) => (x as StoredArticle).toJSON()), index, codes: a.codes }
}
