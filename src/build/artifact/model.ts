/**
 * What a build hands the artifact, and what the artifact gives back to the next build: the
 * contract between the streaming build (build/index) and the binary artifact (artifact.ts).
 * Types only. Every array is flat and numeric, so it crosses threads and files without parsing.
 */
import type { KbArticle } from '../../core/article.js'
import type { FlatIndex } from '../../core/engine/layout.js'

/**
 * Per article and field, what the analysis pipeline made of its text: the field's length in
 * tokens and its terms' counts. The input of Lunr's BM25 weights, and what an incremental build
 * keeps of an article whose file did not change (analysis is the costly part of indexing).
 */
export interface ForwardIndex {
  fields: string[]
  docCount: number
  /** Sorted, unique index terms; a term's id is its position. */
  terms: string[]
  /** docCount × fields.length: the field's length in tokens (Lunr's fieldLengths). */
  lengths: Uint32Array
  /** docCount × fields.length + 1: where each (article, field)'s pairs start in `pairs`, counted in pairs. */
  starts: Uint32Array
  /** [termId, count] pairs; within one (article, field), ascending termId. */
  pairs: Uint32Array
}

/**
 * The weighted index, term by term: Lunr's BM25 weight ×1000, rounded, for every (term, article,
 * field), as flat arrays (the engine's FlatIndex: sorted terms, per-term offsets into
 * [article, field, weight] triples, the synonyms). What queries read.
 */
export type WeightedIndex = FlatIndex

/** One article as the build hands it over: rendered, the codes the matcher reads in it, and the sha256 (hex) of its file's bytes, which `kb build --since` compares. */
export interface ArticleEntry {
  article: KbArticle
  codes: string[]
  hash: string
}

/**
 * An article encoded for the artifact (in a build thread): its id and match codes, which a server
 * reads at load for every article (the `articles.keys` section); `meta` (every field but the
 * rendered ones, its codes, its hash) and `body` (the rendered fields) are decoded when asked.
 */
export interface EncodedArticle {
  id: string
  codes: string[]
  meta: Uint8Array
  body: Uint8Array
}
